package dev.kubeconbot.answer;

import dev.kubeconbot.content.Edition;
import java.util.List;

/**
 * How much a topic was discussed at each edition, in time order. Editions without articles are
 * absent; editions whose articles never mention the topic have zero matches.
 *
 * @param topic the topic as the user named it
 * @param points one point per edition with articles
 */
public record Trend(String topic, List<Point> points) {

  public Trend {
    points = List.copyOf(points);
  }

  /**
   * One edition.
   *
   * @param edition the edition
   * @param matches passages that discuss the topic
   * @param passages all passages of the edition's articles
   * @param best the best passage about the topic, or {@code null} if none
   */
  public record Point(Edition edition, int matches, int passages, Quote best) {
    /** Matches as a share of the edition's passages, 0–1: comparable across editions of different coverage. */
    public double share() {
      return passages == 0 ? 0 : (double) matches / passages;
    }
  }
}
