package dev.kubeconbot.answer;

import dev.kubeconbot.content.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a command answers, independent of where it is shown: Discord embeds, CLI text and JSON are
 * all renderings of this. What it shows is one of a few kinds of {@link Content}; each renderer
 * switches over them, so a new kind does not compile until every renderer shows it.
 *
 * @param command the command that answered ({@code takeaways}, {@code topic}…)
 * @param query the user's text as received
 * @param title a heading for the answer, in the user's language; never blank (a question with nothing left of the
 *     user's words is headed "Nothing to search for"), as Discord rejects an embed with a blank title
 * @param notes remarks beside the content, first first ("showing 5 of 7 articles", "no command /x");
 *     may be empty
 * @param content what the answer shows
 */
public record Answer(String command, String query, String title, List<String> notes, Content content) {

  public Answer {
    if (title.isBlank()) {
      throw new IllegalArgumentException("an answer to '" + query + "' (" + command + ") has a blank title");
    }
    notes = List.copyOf(notes);
    Objects.requireNonNull(content, "content");
  }

  /** What an answer shows. */
  public sealed interface Content permits Quotes, Message, TopicTrend, EditionTrends, Listing {}

  /**
   * Quoted passages, best first.
   *
   * @param quotes the passages; a command with none answers with a {@link Message} instead
   * @param hint a one-line trend hint such as "also discussed at KubeCon EU 2022", if there is one
   */
  public record Quotes(List<Quote> quotes, Optional<String> hint) implements Content {
    public Quotes {
      quotes = List.copyOf(quotes);
    }
  }

  /**
   * Only a text for the user.
   *
   * @param kind whether it guides the user (help, how to ask) or says that the articles had nothing
   */
  public record Message(String text, Kind kind) implements Content {

    /** Why an answer is only a message. */
    public enum Kind {
      /** Help, or how to ask for what the user wanted: the request is answered in the bot's words. */
      GUIDANCE,
      /** The articles were searched, or looked at, and had nothing to show. */
      NOTHING_FOUND
    }
  }

  /**
   * How a topic was discussed per edition: a chart plus the best quote of each edition.
   *
   * @param trend the figures per edition, in time order
   * @param hint a one-line summary of the editions that discuss it
   */
  public record TopicTrend(Trend trend, String hint) implements Content {
    /** The best quote of each edition that discusses the topic, in time order. */
    public List<Quote> quotes() {
      return trend.points().stream().map(Trend.Point::best).filter(Objects::nonNull).toList();
    }
  }

  /**
   * What an edition talked about against others: a summary of the figures, a quote for each rising
   * or new topic and distinctive word, and a heat map of the top topics.
   *
   * @param trends the figures
   * @param summary the figures in words, in the user's language
   * @param highlights one quote per rising or new topic and distinctive word, in the summary's order
   */
  public record EditionTrends(Trends trends, String summary, List<Trends.Highlight> highlights) implements Content {
    public EditionTrends {
      highlights = List.copyOf(highlights);
    }

    public List<Quote> quotes() {
      return highlights.stream().map(Trends.Highlight::quote).toList();
    }
  }

  /** Articles listed by title and link (for {@code /sources}), editions in time order. */
  public record Listing(List<Article> articles) implements Content {
    public Listing {
      articles = List.copyOf(articles);
    }
  }

  /** An answer that shows {@code content}, without notes. */
  public static Answer of(String command, String query, String title, Content content) {
    return new Answer(command, query, title, List.of(), content);
  }

  /** An answer that is only a message saying that nothing was found. */
  public static Answer message(String command, String query, String title, String message) {
    return of(command, query, title, new Message(message, Message.Kind.NOTHING_FOUND));
  }

  /** An answer that is help, or says how to ask (a bad year, an empty topic, text too long). */
  public static Answer guidance(String command, String query, String title, String message) {
    return of(command, query, title, new Message(message, Message.Kind.GUIDANCE));
  }

  /** The same answer, as asked in {@code other} words. */
  public Answer withQuery(String other) {
    return new Answer(command, other, title, notes, content);
  }

  /** The same answer with {@code note} before its other notes. */
  public Answer withNote(String note) {
    List<String> more = new ArrayList<>(notes.size() + 1);
    more.add(note);
    more.addAll(notes);
    return new Answer(command, query, title, more, content);
  }

  /** The quotes shown, best (or earliest) first; empty for a message or a listing. */
  public List<Quote> quotes() {
    return switch (content) {
      case Quotes quotes -> quotes.quotes();
      case TopicTrend trend -> trend.quotes();
      case EditionTrends trends -> trends.quotes();
      case Message message -> List.of();
      case Listing listing -> List.of();
    };
  }

  /** Whether the answer shows nothing from the articles, only words of the bot's own. */
  public boolean foundNothing() {
    return switch (content) {
      case Quotes quotes -> quotes.quotes().isEmpty();
      case Message message -> true;
      case TopicTrend trend -> trend.quotes().isEmpty();
      case EditionTrends trends -> false; // its figures are from the articles, quotes or not
      case Listing listing -> listing.articles().isEmpty();
    };
  }

  /** Whether the answer is help or says how to ask, rather than an answer from the articles. */
  public boolean guides() {
    return content instanceof Message message && message.kind() == Message.Kind.GUIDANCE;
  }

  /**
   * The notes and, for a message, its text, as one text with a blank line between them; empty if
   * there is neither. The JSON {@code message} field, and what Discord shows above the quotes.
   */
  public String message() {
    Stream<String> text = content instanceof Message message ? Stream.of(message.text()) : Stream.empty();
    return String.join("\n\n", Stream.concat(notes.stream(), text).toList());
  }
}
