package dev.kubeconbot.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.Quote;
import dev.kubeconbot.content.Article;
import dev.kubeconbot.content.Edition;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON form of an answer, one object per query, shared by {@code ask --json} and
 * {@code GET /api/ask}: {@code {"query","command","answers":[{"title","url","event","year","region",
 * "quote","score"}],"message"}}. {@code message} is left out when there is none; trend answers add
 * {@code "trend":[{"event","year","region","matches","share"}]}; a listing of articles gives each as
 * an answer whose quote is its title.
 */
public final class AnswerJson {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private AnswerJson() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Body(String query, String command, List<Item> answers, String message, List<TrendItem> trend) {}

  record Item(String title, String url, String event, Integer year, String region, String quote, double score) {
    static Item of(Quote quote) {
      return new Item(quote.title(), quote.url(), quote.edition().label(), yearOf(quote.edition()),
          quote.edition().region(), quote.text(), quote.score());
    }

    /** A listed article: its title is its quote. */
    static Item of(Article article) {
      return new Item(article.title(), article.source(), article.edition().label(), yearOf(article.edition()),
          article.edition().region(), article.title(), 1.0);
    }
  }

  record TrendItem(String event, int year, String region, int matches, double share) {}

  /** One line of JSON, no trailing newline. */
  public static String of(Answer answer) {
    String message = answer.message().isEmpty() ? null : answer.message();
    Body body = switch (answer.content()) {
      case Answer.Quotes quotes -> body(answer, items(quotes.quotes()), message, null);
      case Answer.Message only -> body(answer, List.of(), message, null);
      case Answer.TopicTrend trend -> body(answer, items(trend.quotes()), message, trend(trend));
      case Answer.Listing listing -> body(answer, listing.articles().stream().map(Item::of).toList(), message, null);
    };
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("answer could not be written as JSON", e);
    }
  }

  private static Body body(Answer answer, List<Item> items, String message, List<TrendItem> trend) {
    return new Body(answer.query(), answer.command(), items, message, trend);
  }

  private static List<Item> items(List<Quote> quotes) {
    return quotes.stream().map(Item::of).toList();
  }

  /** Per edition: matches and share (rounded to 4 places). */
  private static List<TrendItem> trend(Answer.TopicTrend trend) {
    return trend.trend().points().stream()
        .map(p -> new TrendItem(p.edition().label(), p.edition().year(), p.edition().region(), p.matches(),
            Math.round(p.share() * 10_000) / 10_000.0))
        .toList();
  }

  private static Integer yearOf(Edition edition) {
    return edition.hasYear() ? edition.year() : null;
  }
}
