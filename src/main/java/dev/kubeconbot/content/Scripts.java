package dev.kubeconbot.content;

/**
 * Which writing system a character belongs to: the one place that decides what counts as Chinese,
 * since segmentation, spacing, language guessing and query analysis must all agree on it.
 */
public final class Scripts {

  private Scripts() {}

  /** Whether {@code codePoint} is a Han (Chinese) character. */
  public static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  /** Whether {@code text} has at least one Han character. */
  public static boolean hasHan(CharSequence text) {
    return text.codePoints().anyMatch(Scripts::isHan);
  }

  /** Whether {@code text} is not empty and has only Han characters. */
  public static boolean allHan(CharSequence text) {
    return !text.isEmpty() && text.codePoints().allMatch(Scripts::isHan);
  }

  /** How many Han characters {@code text} has. */
  public static long hanCount(CharSequence text) {
    return text.codePoints().filter(Scripts::isHan).count();
  }

  /** Whether {@code codePoint} is a Latin letter. */
  public static boolean isLatin(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN;
  }

  /**
   * Whether {@code codePoint} belongs to text written without spaces between words: Han, kana and
   * Hangul, CJK punctuation and full-width forms. Joining two such pieces needs no space.
   */
  public static boolean isCjk(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL
        || (codePoint >= 0x3000 && codePoint <= 0x303F)
        || (codePoint >= 0xFF00 && codePoint <= 0xFFEF);
  }
}
