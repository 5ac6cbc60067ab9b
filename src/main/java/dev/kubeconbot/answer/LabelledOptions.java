package dev.kubeconbot.answer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Options typed as {@code name:value} in text, as Discord shows a slash command and as {@code /help}'s
 * examples read ({@code /takeaways year:2019 region:EU}, {@code /要点 年份:2019}): a label is an option
 * name of the command in any of its languages, followed by {@code :} or {@code ：}; its value runs to
 * the next label. Words before the first label are left for the command's own
 * {@link Command#parseWords}. A colon after any other word ({@code k8s: a primer}, a URL, a time) is
 * just text.
 */
final class LabelledOptions {

  /**
   * @param labelled values by option name, for the labels found
   * @param rest the words before the first label
   */
  record Split(Map<String, String> labelled, String rest) {}

  private final Pattern label;
  private final Map<String, String> optionByLabel;

  private LabelledOptions(Map<String, String> optionByLabel) {
    this.optionByLabel = optionByLabel;
    String names = optionByLabel.keySet().stream()
        .sorted((a, b) -> b.length() - a.length()) // the longest label first: "名称" before "名"
        .map(Pattern::quote)
        .collect(Collectors.joining("|"));
    this.label = names.isEmpty() ? null
        : Pattern.compile("(?<=^|\\s)(" + names + ")\\s*[:：]\\s*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The labels of {@code spec}'s options: their names and localised names. */
  static LabelledOptions of(CommandSpec spec) {
    Map<String, String> byLabel = new LinkedHashMap<>();
    for (OptionSpec option : spec.options()) {
      byLabel.put(option.name().toLowerCase(Locale.ROOT), option.name());
      for (Lang lang : Lang.values()) {
        byLabel.putIfAbsent(spec.optionLocalName(option, lang).toLowerCase(Locale.ROOT), option.name());
      }
    }
    return new LabelledOptions(byLabel);
  }

  /** Splits {@code words} into labelled option values and the unlabelled words before them. */
  Split split(String words) {
    Matcher matcher = label == null ? null : label.matcher(words);
    if (matcher == null || !matcher.find()) {
      return new Split(Map.of(), words);
    }
    Map<String, String> labelled = new HashMap<>();
    String rest = words.substring(0, matcher.start()).strip();
    String option = optionByLabel.get(matcher.group(1).toLowerCase(Locale.ROOT));
    int valueStart = matcher.end();
    while (matcher.find()) {
      put(labelled, option, words.substring(valueStart, matcher.start()));
      option = optionByLabel.get(matcher.group(1).toLowerCase(Locale.ROOT));
      valueStart = matcher.end();
    }
    put(labelled, option, words.substring(valueStart));
    return new Split(labelled, rest);
  }

  /** A blank value ({@code year: region:EU}) leaves the option out, as if it were not typed. */
  private static void put(Map<String, String> labelled, String option, String value) {
    if (!value.isBlank()) {
      labelled.put(option, value.strip());
    }
  }
}
