package dev.kubeconbot.discord;

import dev.kubeconbot.content.Sentences;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Text as Discord shows it: article and user text escaped so it appears verbatim (no Markdown, no
 * mention or emoji markup), and cut to a Discord limit at a sentence end without splitting a code point.
 */
final class DiscordText {

  /** Characters with a meaning in Discord Markdown or mention markup anywhere in a line. */
  private static final String SPECIAL = "\\*_~`|>[]<@#";
  /** List markers at the start of a line: "- item", "+ item", "1. item". */
  private static final Pattern LIST_MARKER = Pattern.compile("(?m)^(\\s*)(?:([-+])|(\\d+)\\.)(?=\\s)");
  /** Characters that would end a Markdown link target early. */
  private static final Pattern URL_BREAKERS = Pattern.compile("[()\\s<>]");

  private DiscordText() {}

  /** {@code text} with every Markdown and mention character escaped by a backslash. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return LIST_MARKER.matcher(out).replaceAll(m -> m.group(2) != null
        ? m.group(1) + "\\\\" + m.group(2)
        : m.group(1) + m.group(3) + "\\\\.");
  }

  /**
   * {@code text} escaped and, if that is longer than {@code max}, cut first (at a sentence end, else
   * a clause or word, marked "…") so that the escaped result fits.
   */
  static String fit(String text, int max) {
    return fit(text, max, UnaryOperator.identity());
  }

  /** As {@link #fit(String, int)}, for text that {@code layout} then decorates (e.g. quotes each line). */
  static String fit(String text, int max, UnaryOperator<String> layout) {
    int budget = max;
    String shown = layout.apply(escape(Sentences.cut(text, budget)));
    while (shown.length() > max && budget > 1) {
      // Escapes and layout add characters: cut the raw text shorter by the overshoot and try again.
      budget = Math.max(1, budget - (shown.length() - max));
      shown = layout.apply(escape(Sentences.cut(text, budget)));
    }
    return shown;
  }

  /** Plain text (no Markdown: footers, button labels) cut to {@code max}. */
  static String plain(String text, int max) {
    return Sentences.cut(text, max);
  }

  /** A Markdown link {@code [label](url)}; {@code label} must be escaped already. */
  static String link(String label, String url) {
    return "[" + label + "](" + url(url) + ")";
  }

  /** {@code url} with white space, parentheses and angle brackets percent-encoded, so a link cannot end early. */
  static String url(String url) {
    return URL_BREAKERS.matcher(url).replaceAll(m -> percent(m.group().charAt(0)));
  }

  private static String percent(char c) {
    return String.format("%%%02X", (int) c);
  }
}
