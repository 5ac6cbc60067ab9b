package dev.kubeconbot.answer;

import dev.kubeconbot.content.Edition;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an edition (or a year's editions) talked about, against the editions before it or one named
 * edition: each glossary topic's share of the passages on both sides, and words the selection used
 * far more than the baseline. Every figure carries the counts it rests on.
 *
 * @param selection the edition asked about; without a region, all editions of its year
 * @param against the edition compared with, or {@code null} for all editions before the selection
 * @param selected the size of the selection
 * @param baseline the size of what it is compared with (0 articles: nothing to compare with)
 * @param topics the topics either side mentions, largest rise first
 * @param words distinctive words outside the glossary, most distinctive first
 * @param heat each top topic's share per edition, for the heat map
 */
public record Trends(
    Edition selection, Edition against, Sample selected, Sample baseline, List<TopicShift> topics,
    List<WordShift> words, Heat heat) {

  public Trends {
    topics = List.copyOf(topics);
    words = List.copyOf(words);
  }

  /** How many editions, articles and passages a side of the comparison has. */
  public record Sample(int editions, int articles, int passages) {}

  /** How a topic moved. */
  public enum Status {
    /** Its share grew clearly, in at least two passages. */
    RISING,
    /** In at least two passages now, in none before. */
    NEW,
    /** Its share shrank clearly from at least two passages before. */
    FADING,
    /** None of those: about the same, or too few passages to tell. */
    STEADY;

    /** As JSON and message keys write it: {@code rising}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One topic on both sides.
   *
   * @param topic the topic's display name
   * @param matches passages of the selection that mention it
   * @param articles articles of the selection that mention it
   * @param share {@code matches} as a share of the selection's passages, 0–1
   * @param beforeMatches passages of the baseline that mention it
   * @param before its share of the baseline's passages, 0–1
   * @param status how it moved
   */
  public record TopicShift(String topic, int matches, int articles, double share, int beforeMatches, double before,
      Status status) {
    /** The difference in share, in fractions of one (0.05 is five percentage points). */
    public double change() {
      return share - before;
    }
  }

  /**
   * A word the selection used far more than the baseline (a new project name, say).
   *
   * @param word as written in the articles
   * @param term as indexed (lower case, English stemmed), to find its passages
   * @param matches passages of the selection with it
   * @param articles articles of the selection with it
   * @param share {@code matches} as a share of the selection's passages
   * @param beforeMatches passages of the baseline with it
   * @param before its share of the baseline's passages
   */
  public record WordShift(String word, String term, int matches, int articles, double share, int beforeMatches, double before) {}

  /**
   * Top topics × editions in time order: cell {@code shares.get(t).get(e)} is topic {@code t}'s share
   * of edition {@code e}'s passages.
   *
   * @param selected the editions asked about, to mark
   */
  public record Heat(List<Edition> editions, List<String> topics, List<List<Double>> shares, Set<Edition> selected) {
    public Heat {
      editions = List.copyOf(editions);
      topics = List.copyOf(topics);
      shares = shares.stream().map(List::copyOf).toList();
      selected = Set.copyOf(selected);
    }
  }

  /**
   * A quote for a topic or word of the trends.
   *
   * @param label the topic or word
   * @param status how the topic moved ({@link Status#NEW} for a distinctive word)
   * @param heading label and status in the user's language, "WebAssembly (rising)"
   */
  public record Highlight(String label, Status status, String heading, Quote quote) {}
}
