package dev.kubeconbot.content;

/**
 * Makes text that others control (file names, parser messages quoting file content) safe for one
 * log line: a newline in a file name must not forge a second line in the text log format.
 */
public final class LogText {

  private LogText() {}

  /** {@code text} with line breaks, tabs and other control characters written as escapes ({@code \n}, {@code \u0000}). */
  public static String escape(String text) {
    if (text == null || text.codePoints().noneMatch(LogText::isControl)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    text.codePoints().forEach(c -> {
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (isControl(c)) {
            out.append(String.format("\\u%04x", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }

  /** C0 and C1 controls, plus the Unicode line and paragraph separators some log viewers break on. */
  private static boolean isControl(int c) {
    return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
  }
}
