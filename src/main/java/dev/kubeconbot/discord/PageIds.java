package dev.kubeconbot.discord;

import dev.kubeconbot.answer.Command;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.answer.CommandSpec;
import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.answer.OptionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code custom_id} of a page button: the query to answer again and the page to show, so that a
 * click works without stored state, after a restart too. Version 1:
 * <pre>
 *   1|s|&lt;lang&gt;|&lt;page&gt;|&lt;command&gt;|&lt;option value&gt;|…   a slash command; values in the command's option order, "" if absent
 *   1|t|&lt;lang&gt;|&lt;page&gt;|&lt;text&gt;                          words from a message
 * </pre>
 * {@code lang} is {@code e}, {@code s} or {@code t} (English, simplified, traditional Chinese);
 * {@code %} and {@code |} in values are percent-encoded. A query too long for Discord's 100
 * characters has no id: its answer shows one page without buttons.
 */
final class PageIds {

  static final int MAX_LENGTH = 100;
  private static final String VERSION = "1";
  private static final String SLASH = "s";
  private static final String TEXT = "t";
  private static final Pattern FIELD = Pattern.compile("\\|");

  /** A decoded id: answer {@code query} again and show {@code page} (0-based). */
  record Page(Query query, int page) {}

  private final CommandRegistry commands;

  PageIds(CommandRegistry commands) {
    this.commands = commands;
  }

  /** The id for {@code page} of {@code query}, or empty if it would be longer than Discord allows. */
  Optional<String> encode(Query query, int page) {
    List<String> fields = new ArrayList<>(List.of(VERSION, "", code(query.lang()), Integer.toString(page)));
    switch (query) {
      case Query.Slash slash -> {
        fields.set(1, SLASH);
        fields.add(slash.command());
        for (OptionSpec option : spec(slash.command()).options()) {
          fields.add(escape(slash.options().getOrDefault(option.name(), "")));
        }
      }
      case Query.Text text -> {
        fields.set(1, TEXT);
        fields.add(escape(text.text()));
      }
    }
    String id = String.join("|", fields);
    return id.length() <= MAX_LENGTH ? Optional.of(id) : Optional.empty();
  }

  /** The page an id asks for; empty for ids of another version or shape, or of a command that no longer exists. */
  Optional<Page> decode(String id) {
    String[] fields = FIELD.split(id, -1);
    if (fields.length < 5 || !fields[0].equals(VERSION) || !fields[3].matches("\\d{1,4}")) {
      return Optional.empty();
    }
    Optional<Lang> lang = lang(fields[2]);
    if (lang.isEmpty()) {
      return Optional.empty();
    }
    int page = Integer.parseInt(fields[3]);
    if (fields[1].equals(TEXT) && fields.length == 5) {
      return Optional.of(new Page(new Query.Text(unescape(fields[4]), lang.get()), page));
    }
    if (!fields[1].equals(SLASH)) {
      return Optional.empty();
    }
    return commands.find(fields[4])
        .map(Command::spec)
        .filter(spec -> spec.name().equals(fields[4]) && spec.options().size() == fields.length - 5)
        .map(spec -> new Page(new Query.Slash(spec.name(), options(spec, fields), lang.get()), page));
  }

  private CommandSpec spec(String command) {
    return commands.find(command).orElseThrow(() -> new IllegalArgumentException("no command " + command)).spec();
  }

  private static Map<String, String> options(CommandSpec spec, String[] fields) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < spec.options().size(); i++) {
      String value = unescape(fields[5 + i]);
      if (!value.isEmpty()) {
        options.put(spec.options().get(i).name(), value);
      }
    }
    return options;
  }

  private static String code(Lang lang) {
    return switch (lang) {
      case EN -> "e";
      case ZH_CN -> "s";
      case ZH_TW -> "t";
    };
  }

  private static Optional<Lang> lang(String code) {
    for (Lang lang : Lang.values()) {
      if (code(lang).equals(code)) {
        return Optional.of(lang);
      }
    }
    return Optional.empty();
  }

  private static String escape(String value) {
    return value.replace("%", "%25").replace("|", "%7C");
  }

  private static String unescape(String value) {
    return value.replace("%7C", "|").replace("%25", "%");
  }
}
