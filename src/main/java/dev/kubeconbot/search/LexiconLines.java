package dev.kubeconbot.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code lexicon.yaml} in the shape it is written in, one entry a line ({@code  developer: [开发者, 開發者]}),
 * without a YAML parser: parsing its 4,000 lines with Jackson's YAML reader was a quarter of a second
 * of a cold start, on its path to ready. Only a file every line of which is a comment, {@code version: N},
 * {@code entries:} or such an entry, with keys and renderings YAML reads as plain text, is read here;
 * for anything else (quotes with escapes, a list over several lines, a word YAML reads as a boolean
 * or number…) {@link #entries} says so and the caller parses the file as YAML, so that the file
 * means exactly what YAML says it means.
 */
final class LexiconLines {

  /** {@code key: [a, b]}, then an optional comment; the key plain or in double quotes. */
  private static final Pattern ENTRY = Pattern.compile("( +)(\"[^\"\\\\]*\"|[^\\s\"][^\"]*?): \\[([^\\[\\]]*)\\](?:\\s+#.*)?\\s*");
  private static final Pattern TOP = Pattern.compile("(version: \\d+|entries:)(?:\\s+#.*)?\\s*");
  /**
   * Characters that make a plain YAML scalar mean something else or that this reader leaves to YAML,
   * and words that may be numbers or dates to YAML ({@code 5g} is text, {@code 0x1f} and {@code 2019-04} are not).
   */
  private static final Pattern NOT_PLAIN =
      Pattern.compile("[\"'#&*!|>%@`{}\\[\\],:\\t\\\\]|^[-?~+.<=]|^\\d[0-9a-fA-FxXoObB_.:+eE-]*$");
  /** Plain words YAML 1.1 reads as null or a boolean. */
  private static final Set<String> NOT_TEXT = Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n");

  private LexiconLines() {}

  /** The entries of {@code text} in file order, or empty when the file is to be read as YAML. */
  static Optional<Map<String, List<String>>> entries(String text) {
    Map<String, List<String>> entries = new LinkedHashMap<>();
    boolean inEntries = false;
    String indent = null;
    for (String line : text.split("\n", -1)) {
      String content = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      String stripped = content.strip();
      if (content.indexOf('\t') >= 0) {
        return Optional.empty();
      }
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      if (!content.startsWith(" ")) {
        if (!TOP.matcher(content).matches()) {
          return Optional.empty();
        }
        inEntries = content.startsWith("entries:");
        continue;
      }
      Matcher entry = ENTRY.matcher(content);
      if (!inEntries || !entry.matches() || (indent != null && !indent.equals(entry.group(1)))) {
        return Optional.empty();
      }
      indent = entry.group(1);
      Optional<String> key = key(entry.group(2));
      Optional<List<String>> renderings = items(entry.group(3));
      if (key.isEmpty() || renderings.isEmpty()) {
        return Optional.empty();
      }
      entries.put(key.get(), renderings.get());
    }
    // No entries: let YAML say what the file is (an empty 'entries' is an error the caller reports).
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries);
  }

  private static Optional<String> key(String written) {
    if (written.startsWith("\"")) {
      return Optional.of(written.substring(1, written.length() - 1));
    }
    return plain(written);
  }

  private static Optional<List<String>> items(String list) {
    if (list.isBlank()) {
      return Optional.of(List.of());
    }
    List<String> items = new ArrayList<>();
    for (String item : list.split(",", -1)) {
      Optional<String> text = plain(item.strip());
      if (text.isEmpty()) {
        return Optional.empty();
      }
      items.add(text.get());
    }
    return Optional.of(items);
  }

  /** {@code word} if YAML reads it as this very text. */
  private static Optional<String> plain(String word) {
    if (word.isEmpty() || !word.equals(word.strip()) || NOT_PLAIN.matcher(word).find()
        || NOT_TEXT.contains(word.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(word);
  }
}
