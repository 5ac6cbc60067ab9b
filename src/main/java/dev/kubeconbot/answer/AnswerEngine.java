package dev.kubeconbot.answer;

import dev.kubeconbot.search.Library;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one path from a user's words to an {@link Answer}, shared by every front end. Text such as
 * {@code "/topic wasm"}, {@code "takeaways 2019"} or a plain question is routed to a command; slash
 * commands arrive with their options already split. Answers come from the current {@link Library},
 * which a reload replaces atomically, so no request ever waits for indexing.
 */
public final class AnswerEngine {

  /** Longer input is refused with a message rather than searched. */
  public static final int MAX_QUERY_LENGTH = 1000;
  /** How much of a too-long query its answer repeats. */
  private static final int ECHOED_WHEN_TOO_LONG = 80;
  private static final Pattern FIRST_WORD = Pattern.compile("^/?([^\\s/]+)(?:\\s+(.*))?$", Pattern.DOTALL);
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t\\u200d]]");

  private final CommandRegistry commands;
  private final AtomicReference<Library> library;
  /** The {@code name:value} labels of each command's options, by command name. */
  private final Map<String, LabelledOptions> labels = new HashMap<>();

  public AnswerEngine(CommandRegistry commands, Library library) {
    this.commands = commands;
    this.library = new AtomicReference<>(library);
    commands.commands().forEach(command -> labels.put(command.spec().name(), LabelledOptions.of(command.spec())));
  }

  public CommandRegistry commands() {
    return commands;
  }

  public Library library() {
    return library.get();
  }

  /**
   * Warms {@code next} (see {@link #warmUp}), then replaces the library; answers under way finish on
   * the old one, which is returned so that the caller can close it once they have.
   */
  public Library swap(Library next) {
    warmUp(next);
    return library.getAndSet(next);
  }

  /**
   * Prepares {@code target} (see {@link Library#prepare}), then answers every command's help example in
   * every language it has one, and its autocomplete for an empty prefix, from it: what the first real
   * answers would otherwise pay for (the topic counts, the glossary queries, the code paths the JIT has
   * not seen) is done before users come. The answers are dropped.
   */
  public void warmUp(Library target) {
    target.prepare();
    for (Command command : commands.commands()) {
      for (Lang lang : Lang.values()) {
        command.spec().findExample(lang).ifPresent(example -> {
          Route route = route(clean(example));
          route.command().answer(new Invocation(example, route.options(), lang, target));
        });
      }
      command.spec().options().forEach(option -> command.complete(option.name(), "", target));
    }
  }

  /**
   * Answers text as typed in a message, the CLI or HTTP: a command name (with or without "/", in any
   * supported language) and its words, or a question. Empty text gets help. After a command name,
   * options may be labelled as Discord shows them ({@code /takeaways year:2019 region:EU}).

   *
   * @param lang the language to answer in, or {@code null} to follow the text's language
   */
  public Answer answer(String text, Lang lang) {
    String clean = clean(text);
    Lang answerLang = lang != null ? lang : Lang.detect(clean);
    if (clean.length() > MAX_QUERY_LENGTH) {
      return tooLong(text, "ask", answerLang);
    }
    Route route = route(clean);
    Answer answer = run(route.command(), route.options(), text, answerLang);
    if (route.unknown() != null) {
      String unknown = Messages.get(answerLang, "command.unknown", route.unknown());
      return answer.withNote(unknown);
    }
    return answer;
  }

  /** Answers a command whose options are already split, as Discord slash commands arrive. */
  public Answer answer(String commandName, Map<String, String> options, String echo, Lang lang) {
    Command command = commands.find(commandName).orElseThrow(() -> new IllegalArgumentException("no command " + commandName));
    for (String value : options.values()) {
      if (value != null && value.length() > MAX_QUERY_LENGTH) {
        return tooLong(echo, command.spec().name(), lang);
      }
    }
    Map<String, String> cleaned = new HashMap<>();
    options.forEach((name, value) -> {
      if (value != null) {
        cleaned.put(name, clean(value));
      }
    });
    return run(command, cleaned, echo, lang);
  }

  /** Autocomplete choices for an option of a command; empty for unknown commands or options. */
  public List<Choice> complete(String commandName, String option, String prefix) {
    String typed = clean(prefix == null ? "" : prefix);
    return commands.find(commandName)
        .map(c -> c.complete(option, typed.length() > MAX_QUERY_LENGTH ? "" : typed, library.get()))
        .orElse(List.of());
  }

  private Answer run(Command command, Map<String, String> options, String echo, Lang lang) {
    return command.answer(new Invocation(echo, options, lang, library.get()));
  }

  /** Names the length, and echoes only the start: a megabyte of input must not come back as a megabyte of answer. */
  private Answer tooLong(String echo, String command, Lang lang) {
    // Cut anywhere (on a code point): it only reminds the user what they sent.
    int end = echo.offsetByCodePoints(0, Math.min(ECHOED_WHEN_TOO_LONG - 1, echo.codePointCount(0, echo.length())));
    String start = end < echo.length() ? echo.substring(0, end) + "…" : echo;
    return Answer.guidance(command, start, Messages.get(lang, "query.tooLongHeading"),
        Messages.get(lang, "query.tooLong", echo.length(), MAX_QUERY_LENGTH));
  }

  /**
   * Which command text is for: its first word if that names a command, else a command the question
   * asks for ("what were the trends in 2024" → trends), else {@code ask}; empty → help.
   */
  private Route route(String text) {
    if (text.isEmpty()) {
      return new Route(commands.find("help").orElseThrow(), Map.of(), null);
    }
    Matcher first = FIRST_WORD.matcher(text);
    if (first.matches()) {
      Optional<Command> named = commands.find(first.group(1));
      if (named.isPresent()) {
        return new Route(named.get(), options(named.get(), first.group(2) == null ? "" : first.group(2)), null);
      }
    }
    if (text.startsWith("/")) {
      return new Route(commands.find("help").orElseThrow(), Map.of(), text.split("\\s", 2)[0]);
    }
    // A question, not a command: a colon in it is part of the question.
    Optional<Route> better = QuestionIntent.of(text, library.get())
        .flatMap(intent -> commands.find(intent.command()).map(command -> new Route(command, intent.options(), null)));
    if (better.isPresent()) {
      return better.get();
    }
    Command ask = commands.find("ask").orElseThrow();
    return new Route(ask, ask.parseWords(text), null);
  }

  /** The options in the words after a command's name: labelled ones, and the command's reading of the words before them. */
  private Map<String, String> options(Command command, String words) {
    LabelledOptions.Split split = labels.get(command.spec().name()).split(words);
    Map<String, String> options = new HashMap<>(command.parseWords(split.rest()));
    options.putAll(split.labelled());
    return options;
  }

  /** A command and its options; {@code unknown} is a "/word" that named no command. */
  private record Route(Command command, Map<String, String> options, String unknown) {}

  /** Drops control and format characters and folds white space: what remains is safe to search and echo. */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    return CONTROL.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
  }
}
