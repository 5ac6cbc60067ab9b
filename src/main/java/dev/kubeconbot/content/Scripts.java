package dev.kubeconbot.content;

/**
 * Which writing system a character belongs to: the one place that decides what counts as Chinese,
 * since segmentation, spacing, language guessing and query analysis must all agree on it.
 */
public final class Scripts {

  private Scripts() {}

  /** Where the Han script starts (CJK Radicals Supplement): below it, nothing is Han. */
  private static final int FIRST_HAN = 0x2E80;

  /**
   * Whether {@code codePoint} is a Han (Chinese) character. {@link Character.UnicodeScript#of} is a
   * binary search over every script's ranges, and content loading asks for every character of every
   * article: Latin text and the main ideograph block (U+4E00–U+9FFF, all Han) are answered at once.
   */
  public static boolean isHan(int codePoint) {
    if (codePoint < FIRST_HAN) {
      return false;
    }
    if (codePoint >= 0x4E00 && codePoint <= 0x9FFF) {
      return true;
    }
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
    if (codePoint < 0x80) {
      return (codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z');
    }
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
