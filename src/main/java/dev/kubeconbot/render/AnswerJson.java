package dev.kubeconbot.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.Quote;
import dev.kubeconbot.answer.Trends;
import dev.kubeconbot.content.Article;
import dev.kubeconbot.content.Edition;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * The JSON form of an answer, one object per query, shared by {@code ask --json} and
 * {@code GET /api/ask}: {@code {"query","command","answers":[{"title","url","event","year","region",
 * "quote","score"}],"message"}}. {@code message} is left out when there is none; trend answers add
 * {@code "trend":[{"event","year","region","matches","share"}]}; trends answers add their
 * {@code "summary"}, {@code "topics":[{"topic","matches","articles","share","before","change","status"}]}
 * (largest rise first) and {@code "words":[{"word","matches","articles","share","before"}]}; a listing
 * of articles gives each as an answer whose quote is its title.
 *
 * <p>Written with Jackson's generator, a record's components in their order, rather than by a
 * mapper: the first answer after start-up would otherwise pay about 0.4 s of CPU for the mapper and
 * its record serializers.
 */
public final class AnswerJson {

  private static final JsonFactory JSON = new JsonFactory();

  private AnswerJson() {}

  /** The top-level object; its fields that are null are left out. */
  record Body(String query, String command, List<Item> answers, String message, List<TrendItem> trend,
      String summary, List<TopicItem> topics, List<WordItem> words) {}

  /** An answer: every field is written, null or not. */
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

  record TopicItem(String topic, int matches, int articles, double share, double before, double change, String status) {
    static TopicItem of(Trends.TopicShift t) {
      return new TopicItem(t.topic(), t.matches(), t.articles(), round(t.share()), round(t.before()), round(t.change()),
          t.status().key());
    }
  }

  record WordItem(String word, int matches, int articles, double share, double before) {
    static WordItem of(Trends.WordShift w) {
      return new WordItem(w.word(), w.matches(), w.articles(), round(w.share()), round(w.before()));
    }
  }

  /** One line of JSON, no trailing newline. */
  public static String of(Answer answer) {
    String message = answer.message().isEmpty() ? null : answer.message();
    Body body = switch (answer.content()) {
      case Answer.Quotes quotes -> body(answer, items(quotes.quotes()), message);
      case Answer.Message only -> body(answer, List.of(), message);
      case Answer.TopicTrend trend -> new Body(answer.query(), answer.command(), items(trend.quotes()), message,
          trend(trend), null, null, null);
      case Answer.EditionTrends trends -> new Body(answer.query(), answer.command(), items(trends.quotes()), message,
          null, trends.summary(), trends.trends().topics().stream().map(TopicItem::of).toList(),
          trends.trends().words().stream().map(WordItem::of).toList());
      case Answer.Listing listing -> body(answer, listing.articles().stream().map(Item::of).toList(), message);
    };
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      write(json, body, Nulls.LEFT_OUT);
    } catch (IOException e) {
      throw new UncheckedIOException("answer could not be written as JSON", e);
    }
    return text.toString();
  }

  private static Body body(Answer answer, List<Item> items, String message) {
    return new Body(answer.query(), answer.command(), items, message, null, null, null, null);
  }

  private static List<Item> items(List<Quote> quotes) {
    return quotes.stream().map(Item::of).toList();
  }

  /** Per edition: matches and share. */
  private static List<TrendItem> trend(Answer.TopicTrend trend) {
    return trend.trend().points().stream()
        .map(p -> new TrendItem(p.edition().label(), p.edition().year(), p.edition().region(), p.matches(),
            round(p.share())))
        .toList();
  }

  /** Whether a record's null components are written (as null) or left out. */
  private enum Nulls { WRITTEN, LEFT_OUT }

  /**
   * {@code value} (a record, a list, text, a number or null) as JSON; the record's null components are
   * written or left out as {@code nulls} says, those of records inside it always written.
   */
  private static void write(JsonGenerator json, Object value, Nulls nulls) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case String text -> json.writeString(text);
      case Integer whole -> json.writeNumber(whole);
      case Double real -> json.writeNumber(real);
      case List<?> items -> {
        json.writeStartArray();
        for (Object item : items) {
          write(json, item, Nulls.WRITTEN);
        }
        json.writeEndArray();
      }
      case Record record -> {
        json.writeStartObject();
        for (RecordComponent component : COMPONENTS.get(record.getClass())) {
          Object field = valueOf(component, record);
          if (field != null || nulls == Nulls.WRITTEN) {
            json.writeFieldName(component.getName());
            write(json, field, Nulls.WRITTEN);
          }
        }
        json.writeEndObject();
      }
      default -> throw new IllegalArgumentException("no JSON for " + value.getClass());
    }
  }

  /** Each record class's components, looked up once: every HTTP answer is written here. */
  private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
    @Override
    protected RecordComponent[] computeValue(Class<?> type) {
      return type.getRecordComponents();
    }
  };

  private static Object valueOf(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the records here are readable from this class", e);
    }
  }

  /** A share rounded to 4 places: enough for a percentage with two decimals. */
  private static double round(double share) {
    return Math.round(share * 10_000) / 10_000.0;
  }

  private static Integer yearOf(Edition edition) {
    return edition.hasYear() ? edition.year() : null;
  }
}
