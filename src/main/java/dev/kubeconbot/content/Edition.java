package dev.kubeconbot.content;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A KubeCon edition: a region (such as {@code EU}) and a year. Either part may be unknown
 * ({@code region == null}, {@code year == 0}) because metadata inference can find only one of them.
 */
public record Edition(String region, int year) implements Comparable<Edition> {

  /** Edition of an article nothing could be inferred for. */
  public static final Edition UNKNOWN = new Edition(null, 0);

  /** Regions in the order their editions usually happen within a year, so trends read in time order. */
  private static final List<String> REGION_ORDER = List.of("EU", "China", "Japan", "India", "NA");

  private static final Comparator<Edition> ORDER = Comparator.comparingInt(Edition::year)
      .thenComparingInt(Edition::regionRank)
      .thenComparing(e -> Objects.requireNonNullElse(e.region, ""));

  public boolean hasYear() {
    return year > 0;
  }

  public boolean isKnown() {
    return year > 0 || region != null;
  }

  /** Fills whatever this edition lacks from {@code other}, unless the two disagree on the region. */
  public Edition completedBy(Edition other) {
    if (region != null && other.region != null && !region.equals(other.region)) {
      return this;
    }
    return new Edition(region != null ? region : other.region, year > 0 ? year : other.year);
  }

  /** Human label, e.g. {@code KubeCon EU 2021}, {@code KubeCon 2019}, {@code KubeCon EU}. */
  public String label() {
    if (!isKnown()) {
      return "KubeCon (edition unknown)";
    }
    StringBuilder label = new StringBuilder("KubeCon");
    if (region != null) {
      label.append(' ').append(region);
    }
    if (year > 0) {
      label.append(' ').append(year);
    }
    return label.toString();
  }

  /** Short label for charts and hints, e.g. {@code EU 2021}. */
  public String shortLabel() {
    return label().substring("KubeCon ".length());
  }

  private int regionRank() {
    int rank = region == null ? -1 : REGION_ORDER.indexOf(region);
    return rank < 0 ? REGION_ORDER.size() : rank;
  }

  @Override
  public int compareTo(Edition other) {
    return ORDER.compare(this, other);
  }
}
