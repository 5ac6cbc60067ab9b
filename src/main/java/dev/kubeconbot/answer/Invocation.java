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
}
