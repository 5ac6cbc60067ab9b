package dev.kubeconbot.answer;

import dev.kubeconbot.content.Edition;
import java.util.List;

/**
 * What a command answers, independent of where it is shown: Discord embeds, CLI text and JSON are
 * all renderings of this.
 *
 * @param command the command that answered ({@code takeaways}, {@code topic}…)
 * @param query the user's text as received
 * @param title a heading for the answer, in the user's language
 * @param quotes the quoted passages, best first; may be empty
 * @param message a note for the user (no match, bad input, help), or {@code null}
 * @param mentions editions that discuss the subject, in time order (empty where it does not apply)
 */
public record Answer(
    String command, String query, String title, List<Quote> quotes, String message, List<Edition> mentions) {

  public Answer {
    quotes = List.copyOf(quotes);
    mentions = List.copyOf(mentions);
  }

  /** The same answer, as asked in {@code other} words. */
  public Answer withQuery(String other) {
    return new Answer(command, other, title, quotes, message, mentions);
  }

  /** An answer that is only a message: help, a bad input, or nothing found. */
  public static Answer message(String command, String query, String title, String message) {
    return new Answer(command, query, title, List.of(), message, List.of());
  }
}
