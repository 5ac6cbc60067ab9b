package dev.kubeconbot.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.SortedSet;

/**
 * The loaded articles, their passages, and the files that were skipped. Immutable: a reload builds
 * a new corpus.
 */
public record Corpus(List<Article> articles, List<Passage> passages, List<SkippedFile> skipped) {

  public Corpus {
    articles = List.copyOf(articles);
    passages = List.copyOf(passages);
    skipped = List.copyOf(skipped);
  }

  /** Builds the passages of {@code articles}, numbering them in order. */
  public static Corpus of(List<Article> articles, List<SkippedFile> skipped) {
    List<Passage> passages = new ArrayList<>();
    for (Article article : articles) {
      for (PassageSplitter.Draft draft : PassageSplitter.split(article)) {
        passages.add(new Passage(passages.size(), article, draft.section(), draft.text()));
      }
    }
    return new Corpus(articles, passages, skipped);
  }

  /** Years that have at least one article, ascending. */
  public SortedSet<Integer> years() {
    SortedSet<Integer> years = new TreeSet<>();
    articles.forEach(a -> {
      if (a.edition().hasYear()) {
        years.add(a.edition().year());
      }
    });
    return years;
  }

  /** Articles by edition, editions in time order. */
  public Map<Edition, List<Article>> byEdition() {
    Map<Edition, List<Article>> byEdition = new TreeMap<>();
    articles.forEach(a -> byEdition.computeIfAbsent(a.edition(), e -> new ArrayList<>()).add(a));
    return byEdition;
  }

  /** Passage count per edition, editions in time order. */
  public Map<Edition, Integer> passageCounts() {
    Map<Edition, Integer> counts = new TreeMap<>();
    passages.forEach(p -> counts.merge(p.article().edition(), 1, Integer::sum));
    return counts;
  }
}
