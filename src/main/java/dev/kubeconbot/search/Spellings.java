package dev.kubeconbot.search;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * British and American spellings of an English word ("organisations" ↔ "organizations",
 * "analyse" ↔ "analyze", "centre" ↔ "center", "modelling" ↔ "modeling"). Articles use both, and the
 * stemmer does not join them ("organis" is not "organ"), so a question's word is searched in both.
 */
final class Spellings {

  /** The endings that differ, as pairs of (British, American) regex groups on the word's tail. */
  private static final Pattern BRITISH = Pattern.compile("(?<=\\p{L}{3})(is)(e|es|ed|ing|er|ers|ation|ations)$|(?<=\\p{L}{2})(ys)(e|es|ed|ing)$"
      + "|(?<=cen)(tre)(s?)$|(?<=\\p{L}{3}e)(ll)(ing|ed|er|ers)$");
  private static final Pattern AMERICAN = Pattern.compile("(?<=\\p{L}{3})(iz)(e|es|ed|ing|er|ers|ation|ations)$|(?<=\\p{L}{2})(yz)(e|es|ed|ing)$"
      + "|(?<=cen)(ter)(s?)$|(?<=\\p{L}{3}e)(l)(ing|ed|er|ers)$");

  private Spellings() {}

  /** {@code word} and, if it has one, its spelling on the other side of the Atlantic. */
  static List<String> of(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    String other = swap(BRITISH, lower, new String[] {"iz", "yz", "ter", "l"});
    if (other == null) {
      other = swap(AMERICAN, lower, new String[] {"is", "ys", "tre", "ll"});
    }
    return other == null || other.equals(lower) ? List.of(word) : List.of(word, other);
  }

  /** The word with the matched stem part replaced by its counterpart, or {@code null} if nothing matched. */
  private static String swap(Pattern pattern, String word, String[] counterparts) {
    Matcher m = pattern.matcher(word);
    if (!m.find()) {
      return null;
    }
    for (int group = 1; group <= counterparts.length * 2; group += 2) {
      if (m.group(group) != null) {
        return word.substring(0, m.start(group)) + counterparts[group / 2] + m.group(group + 1);
      }
    }
    return null;
  }
}
