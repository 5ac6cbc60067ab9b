package dev.kubeconbot.answer;

import java.util.List;

/**
 * What a command answers, independent of where it is shown: Discord embeds, CLI text and JSON are
 * all renderings of this.
 *
 * @param command the command that answered ({@code takeaways}, {@code topic}…)
 * @param query the user's text as received
 * @param title a heading for the answer, in the user's language
 * @param quotes the quoted passages, best first (for {@code trend}: one per edition, in time order); may be empty
 * @param message a note for the user (no match, bad input, help), or {@code null}
 * @param hint a one-line trend hint such as "also discussed at KubeCon EU 2022", or {@code null}
 * @param trend how the subject was discussed per edition, for {@code trend}; otherwise {@code null}
 */
public record Answer(
    String command, String query, String title, List<Quote> quotes, String message, String hint, Trend trend) {

  public Answer {
    quotes = List.copyOf(quotes);
  }

  /** An answer with quotes and perhaps a hint. */
  public static Answer quotes(String command, String query, String title, List<Quote> quotes, String hint) {
    return new Answer(command, query, title, quotes, null, hint, null);
  }

  /** An answer that is only a message: help, a bad input, or nothing found. */
  public static Answer message(String command, String query, String title, String message) {
    return new Answer(command, query, title, List.of(), message, null, null);
  }

  /** The same answer, as asked in {@code other} words. */
  public Answer withQuery(String other) {
    return new Answer(command, other, title, quotes, message, hint, trend);
  }

  /** The same answer with {@code note} before its message. */
  public Answer withNote(String note) {
    return new Answer(command, query, title, quotes, message == null ? note : note + "\n\n" + message, hint, trend);
  }
}
