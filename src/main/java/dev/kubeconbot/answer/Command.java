package dev.kubeconbot.answer;

import dev.kubeconbot.search.Library;
import java.util.List;
import java.util.Map;

/**
 * A bot command as plain Java: Discord, direct messages, the CLI and HTTP all call the same
 * implementation. Adding a command means one new class and one line in {@link CommandRegistry}.
 */
public interface Command {

  /** Name and options, for registration and help. */
  CommandSpec spec();

  /** Answers the call; bad input yields an answer with a message, never an exception. */
  Answer answer(Invocation invocation);

  /**
   * Options from the words after the command name in a message, e.g. {@code "2019 EU"}. By default
   * all the words fill the first option.
   */
  default Map<String, String> parseWords(String words) {
    List<OptionSpec> options = spec().options();
    return options.isEmpty() || words.isBlank() ? Map.of() : Map.of(options.getFirst().name(), words.strip());
  }

  /** Suggestions for an option while the user types {@code prefix}; served from memory, fast. */
  default List<Choice> complete(String option, String prefix, Library library) {
    return List.of();
  }
}
