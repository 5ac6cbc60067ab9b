package dev.kubeconbot.search;

import dev.kubeconbot.content.Edition;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One glossary topic in a library: per edition with articles, in time order, the passages that match
 * it and the best of them ({@link Library#matchesByEdition}), the counts alone, and the passages and
 * articles behind them.
 */
record TopicMatches(Map<Edition, EditionMatches> matches, Map<Edition, Integer> counts,
    Map<Edition, Mentions> mentions) {

  /** @param matches in time order (a sorted map) @param articles per edition, how many articles have a matching passage */
  static TopicMatches of(Map<Edition, EditionMatches> matches, Map<Edition, Integer> articles) {
    Map<Edition, Integer> counts = new TreeMap<>();
    Map<Edition, Mentions> mentions = new TreeMap<>();
    matches.forEach((edition, match) -> {
      counts.put(edition, match.count());
      mentions.put(edition, new Mentions(match.count(), articles.getOrDefault(edition, 0)));
    });
    return new TopicMatches(Collections.unmodifiableMap(matches), Collections.unmodifiableMap(counts),
        Collections.unmodifiableMap(mentions));
  }
}
