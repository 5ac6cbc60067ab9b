package dev.kubeconbot.answer;

import dev.kubeconbot.content.Edition;
import dev.kubeconbot.content.EventCalendar;
import dev.kubeconbot.search.Library;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions that another command answers better than {@code /ask} searching for their words: "what
 * were the trends at KubeCon 2024", "what was hot in 2022", "what changed between 2019 and 2024",
 * "2024 年 KubeCon 有什么趋势" go to {@code /trends}; "key takeaways of 2019" and "what was special about
 * KubeCon Paris?" to {@code /takeaways}. A question about a glossary topic ("trends in
 * observability") stays a question: its passages answer it.
 */
final class QuestionIntent {

  /** A command and the options it gets for the question. */
  record Intent(String command, Map<String, String> options) {}

  private static final Pattern TRENDS = Pattern.compile("(?i)\\b(?:trends?|trending|hot topics?|hottest|buzz"
      + "|big themes?|main themes?|what (?:was|is|were) (?:new|hot)|what's (?:new|hot))\\b"
      + "|趋势|趨勢|热点|熱點|热门话题|熱門話題|有什么新|有什麼新|新鲜事|新鮮事");
  /** Words about change, which name trends only between two editions ("what changed between 2019 and 2024"). */
  private static final Pattern CHANGE = Pattern.compile("(?i)\\b(?:what (?:has )?changed|changes?)\\b|变化|變化|改变|改變");
  /** Two editions compared: "between 2019 and 2024", "from 2019 to 2024", "2019 年和 2024 年之间". */
  private static final Pattern BETWEEN = Pattern.compile(
      "(?i)(?:between|from|since)?\\s*(.*?\\b20[1-3]\\d\\b.*?)\\s*(?:\\band\\b|\\bto\\b|\\bvs\\.?|versus|和|与|與|到|至|对比|對比)"
          + "\\s*(.*?\\b20[1-3]\\d\\b.*)");
  private static final Pattern YEAR = Pattern.compile("(?<!\\d)20[1-3]\\d(?!\\d)");
  private static final Pattern TAKEAWAYS = Pattern.compile("(?i)\\b(?:key )?(?:takeaways?|key points|highlights|lessons learned)\\b"
      + "|要点|要點|收获|收穫|亮点|亮點|重点|重點|总结|總結");

  private QuestionIntent() {}

  /** The command {@code question} is for, if not {@code /ask}. */
  static Optional<Intent> of(String question, Library library) {

    Matcher years = YEAR.matcher(question);
    int count = 0;
    while (years.find()) {
      count++;
    }
    boolean comparing = count >= 2 && CHANGE.matcher(question).find();
    if (!(TRENDS.matcher(question).find() || comparing)) {
      return takeaways(question, library);
    }
    if (aboutATopic(question, library)) {
      return Optional.empty();
    }
    EventCalendar calendar = library.calendar();
    Map<String, String> options = new LinkedHashMap<>();
    Matcher between = BETWEEN.matcher(question);
    if (count >= 2 && between.find()) {
      Edition first = calendar.editionIn(between.group(1));
      Edition second = calendar.editionIn(between.group(2));
      // The later one is what the question is about; the earlier is what it is compared with.
      boolean inOrder = first.compareTo(second) <= 0;
      options.put(TrendsCommand.EDITION, words(inOrder ? second : first));
      options.put(TrendsCommand.VS, words(inOrder ? first : second));
    } else {
      Edition named = calendar.editionIn(question);
      // "What was hot in Valencia?": a host city names its edition.
      Edition edition = named.completedBy(
          calendar.cityIn(question, named).map(EventCalendar.CityMatch::edition).orElse(Edition.UNKNOWN));
      if (edition.hasYear() || edition.region() != null) {
        options.put(TrendsCommand.EDITION, words(edition));
      }
    }
    return Optional.of(new Intent("trends", options));
  }

  /**
   * "Key takeaways of 2019", "KubeCon EU 2021 的要点", and a question about an edition and nothing
   * else ("What was special about KubeCon Paris?"): {@code /takeaways} of that edition, when it names
   * a year (a host city names one when only one of its editions has articles).
   */
  private static Optional<Intent> takeaways(String question, Library library) {
    Edition edition = Editions.asked(library, question);
    if (!edition.hasYear()) {
      return Optional.empty();
    }
    boolean asked = TAKEAWAYS.matcher(question).find()
        || library.plan(library.calendar().withoutEditionWords(question)).isEmpty();
    if (!asked || aboutATopic(question, library)) {
      return Optional.empty();
    }
    Map<String, String> options = new LinkedHashMap<>();
    options.put(TakeawaysCommand.YEAR, Integer.toString(edition.year()));
    if (edition.region() != null) {
      options.put(TakeawaysCommand.REGION, edition.region());
    }
    return Optional.of(new Intent("takeaways", options));
  }

  /** Whether the question names a glossary topic (Kubernetes aside: every edition is about it). */
  private static boolean aboutATopic(String question, Library library) {
    return library.plan(question).concepts().stream()
        .anyMatch(c -> c.topic() != null && library.count(c.topic()) * 2 < library.corpus().passages().size());
  }

  /** An edition as the words /trends reads: "EU 2022", "2022", "EU". */
  private static String words(Edition edition) {
    String year = edition.hasYear() ? Integer.toString(edition.year()) : "";
    return ((edition.region() == null ? "" : edition.region()) + " " + year).strip();
  }
}
