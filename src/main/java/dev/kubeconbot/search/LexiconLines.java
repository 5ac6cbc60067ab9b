package dev.kubeconbot.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

  /** Characters that make a plain YAML scalar mean something else, or that this reader leaves to YAML. */
  private static final String NOT_PLAIN = "\"'#&*!|>%@`{}[],:\t\\";
  /** First characters that do. */
  private static final String NOT_FIRST = "-?~+.<=";
  /** What YAML numbers and dates are made of: a word of these after a digit may be one ({@code 5g} is text, {@code 0x1f} is not). */
  private static final String NUMERIC = "0123456789abcdefABCDEFxXoObB_.:+eE-";
  /** Plain words YAML 1.1 reads as null or a boolean. */
  private static final Set<String> NOT_TEXT = Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n");

  private LexiconLines() {}

  /** The entries of {@code text} in file order, or empty when the file is to be read as YAML. */
  static Optional<Map<String, List<String>>> entries(String text) {
    // A scan by hand rather than regular expressions: the regex engine, cold, was half of this.
    Map<String, List<String>> entries = new LinkedHashMap<>();
    boolean inEntries = false;
    int indent = -1;
    for (String line : text.split("\n", -1)) {
      String content = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (content.indexOf('\t') >= 0) {
        return Optional.empty();
      }
      int first = spaces(content, 0);
      if (first == content.length() || content.charAt(first) == '#') {
        continue;
      }
      if (first == 0) {
        int end = content.startsWith("entries:") ? "entries:".length() : versionEnd(content);
        if (end < 0 || !blankOrComment(content, end)) {
          return Optional.empty();
        }
        inEntries = content.startsWith("entries:");
        continue;
      }
      if (!inEntries || (indent >= 0 && indent != first)) {
        return Optional.empty();
      }
      indent = first;
      if (!entry(content, first, entries)) {
        return Optional.empty();
      }
    }
    // No entries: let YAML say what the file is (an empty 'entries' is an error the caller reports).
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries);
  }

  /** Reads {@code key: [a, b]} at {@code from} into {@code entries}; false if the line is not one. */
  private static boolean entry(String line, int from, Map<String, List<String>> entries) {
    String key;
    int afterKey;
    if (line.charAt(from) == '"') {
      int close = line.indexOf('"', from + 1);
      if (close < 0 || line.indexOf('\\', from) >= 0 && line.indexOf('\\', from) < close) {
        return false;
      }
      key = line.substring(from + 1, close);
      afterKey = close + 1;
      if (!line.startsWith(": [", afterKey)) {
        return false;
      }
    } else {
      afterKey = line.indexOf(": ", from);
      if (afterKey < 0 || !line.startsWith(": [", afterKey)) {
        return false;
      }
      key = line.substring(from, afterKey);
      if (!plain(key)) {
        return false;
      }
    }
    int open = afterKey + 2;
    int close = line.indexOf(']', open);
    if (close < 0 || line.indexOf('[', open + 1) >= 0 && line.indexOf('[', open + 1) < close
        || !blankOrComment(line, close + 1)) {
      return false;
    }
    String list = line.substring(open + 1, close);
    List<String> items = new ArrayList<>();
    if (!list.isBlank()) {
      for (String item : list.split(",", -1)) {
        String word = item.strip();
        if (!plain(word)) {
          return false;
        }
        items.add(word);
      }
    }
    entries.put(key, List.copyOf(items));
    return true;
  }

  /** The end of {@code version: N} at the start of {@code line}, or -1. */
  private static int versionEnd(String line) {
    int at = "version: ".length();
    if (!line.startsWith("version: ")) {
      return -1;
    }
    int end = at;
    while (end < line.length() && Character.isDigit(line.charAt(end)) && line.charAt(end) < 128) {
      end++;
    }
    return end > at ? end : -1;
  }

  /** Whether {@code line} from {@code at} holds only spaces, then perhaps a comment after at least one. */
  private static boolean blankOrComment(String line, int at) {
    int end = spaces(line, at);
    return end == line.length() || (end > at && line.charAt(end) == '#');
  }

  private static int spaces(String line, int at) {
    while (at < line.length() && line.charAt(at) == ' ') {
      at++;
    }
    return at;
  }

  /** Whether YAML reads {@code word}, unquoted, as this very text. */
  private static boolean plain(String word) {
    if (word.isEmpty() || !word.equals(word.strip()) || NOT_FIRST.indexOf(word.charAt(0)) >= 0
        || NOT_TEXT.contains(word.toLowerCase(Locale.ROOT))) {
      return false;
    }
    boolean numeric = Character.isDigit(word.charAt(0)) && word.charAt(0) < 128;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (NOT_PLAIN.indexOf(c) >= 0) {
        return false;
      }
      numeric &= NUMERIC.indexOf(c) >= 0;
    }
    return !numeric;
  }
}
