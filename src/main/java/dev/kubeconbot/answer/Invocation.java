package dev.kubeconbot.answer;

import dev.kubeconbot.search.Library;
import java.util.Map;

/**
 * One call of a command.
 *
 * @param query the user's text as received, echoed in answers
 * @param options option values by option name; absent options are missing from the map
 * @param lang the language to answer in
 * @param library the content snapshot to answer from
 */
public record Invocation(String query, Map<String, String> options, Lang lang, Library library) {

  public Invocation {
    options = Map.copyOf(options);
  }

  /** The option's value, stripped, or {@code ""} if absent. */
  public String option(String name) {
    String value = options.get(name);
    return value == null ? "" : value.strip();
  }

  public String text(String key, Object... args) {
    return Messages.get(lang, key, args);
  }

  /**
   * The title {@code key} makes of the user's {@code words} ("“wasm” across KubeCon editions"), or,
   * when nothing is left of them (a question of control characters only), one that says so: every
   * answer has a title to show, and "“” across KubeCon editions" or an empty CLI heading is not one.
   */
  public String heading(String key, String words) {
    return words.isBlank() ? text("query.emptyHeading") : text(key, words);
  }
}
