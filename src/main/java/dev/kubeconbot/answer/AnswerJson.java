package dev.kubeconbot.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON form of an answer, one object per query, shared by {@code ask --json} and
 * {@code GET /api/ask}: {@code {"query","command","answers":[{"title","url","event","year","region",
 * "quote","score"}],"message"}}. {@code message} is left out when there is none; trend answers add
 * {@code "trend":[{"event","year","region","matches","share"}]}.
 */
public final class AnswerJson {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private AnswerJson() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Body(String query, String command, List<Item> answers, String message, List<TrendItem> trend) {}

  record Item(String title, String url, String event, Integer year, String region, String quote, double score) {}

  record TrendItem(String event, int year, String region, int matches, double share) {}

  /** Per edition: matches and share (rounded to 4 places), only for trend answers. */
  private static List<TrendItem> trend(Answer answer) {
    if (answer.trend() == null) {
      return null;
    }
    return answer.trend().points().stream()
        .map(p -> new TrendItem(p.edition().label(), p.edition().year(), p.edition().region(), p.matches(),
            Math.round(p.share() * 10_000) / 10_000.0))
        .toList();
  }

  /** One line of JSON, no trailing newline. */
  public static String of(Answer answer) {
    List<Item> items = answer.quotes().stream()
        .map(q -> new Item(q.title(), q.url(), q.edition().label(),
            q.edition().hasYear() ? q.edition().year() : null, q.edition().region(), q.text(), q.score()))
        .toList();
    try {
      return JSON.writeValueAsString(new Body(answer.query(), answer.command(), items, answer.message(), trend(answer)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("answer could not be written as JSON", e);
    }
  }
}
