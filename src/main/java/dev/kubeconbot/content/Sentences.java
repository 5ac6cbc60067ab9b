package dev.kubeconbot.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Sentence boundaries in mixed Chinese and English text, and cutting text to a length at one of
 * them. A cut never falls inside a word or a run of Chinese characters, and is marked with "…".
 */
public final class Sentences {

  public static final String ELLIPSIS = "…";
  private static final String CLOSERS = "”’\"')）」』】》";

  private Sentences() {}

  /** The text split after each 。！？!?…; or after a '.' followed by a space; closing quotes stay with their sentence. */
  public static List<String> split(String text) {
    List<String> sentences = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      int end = sentenceEnd(text, i);
      if (end > 0) {
        addTrimmed(sentences, text.substring(start, end));
        start = end;
        i = end - 1;
      }
    }
    addTrimmed(sentences, text.substring(start));
    return sentences;
  }

  /**
   * {@code text} if it fits in {@code max} characters; otherwise its longest prefix ending at a
   * sentence end, or failing that at a clause or word boundary, followed by "…".
   */
  public static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int limit = max - ELLIPSIS.length();
    int best = -1;
    for (int i = 0; i < text.length(); i++) {
      int end = sentenceEnd(text, i);
      if (end > limit) {
        break;
      }
      if (end > 0) {
        best = end;
      }
    }
    if (best <= 0) {
      best = lastBreak(text, limit);
    }
    return text.substring(0, best).stripTrailing() + ELLIPSIS;
  }

  /** If a sentence ends at {@code i}, the index just after it (and its closing quotes); else -1. */
  private static int sentenceEnd(String text, int i) {
    char c = text.charAt(i);
    boolean end = switch (c) {
      case '。', '！', '？', '!', '?', '\n' -> true;
      case '.' -> i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))
          || CLOSERS.indexOf(text.charAt(i + 1)) >= 0;
      default -> false;
    };
    if (!end) {
      return -1;
    }
    int after = i + 1;
    while (after < text.length() && (CLOSERS.indexOf(text.charAt(after)) >= 0 || isTerminal(text.charAt(after)))) {
      after++;
    }
    return after;
  }

  private static boolean isTerminal(char c) {
    return c == '。' || c == '！' || c == '？' || c == '!' || c == '?';
  }

  /** The end of the last clause (，；：, ; :) or word before {@code limit}; a code point boundary at worst. */
  private static int lastBreak(String text, int limit) {
    for (int i = limit; i > limit / 2; i--) {
      char before = text.charAt(i - 1);
      if ("，；：、,;:".indexOf(before) >= 0) {
        return i;
      }
    }
    for (int i = limit; i > limit / 2; i--) {
      if (Character.isWhitespace(text.charAt(i)) && !Scripts.isCjk(text.codePointBefore(i))) {
        return i;
      }
    }
    for (int i = limit; i > 0; i--) {
      if (!Character.isLowSurrogate(text.charAt(i)) && isWordBoundary(text, i)) {
        return i;
      }
    }
    return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
  }

  private static boolean isWordBoundary(String text, int i) {
    int before = text.codePointBefore(i);
    int after = text.codePointAt(i);
    return !(Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after));
  }

  private static void addTrimmed(List<String> sentences, String sentence) {
    String trimmed = sentence.strip();
    if (!trimmed.isEmpty()) {
      sentences.add(trimmed);
    }
  }
}
