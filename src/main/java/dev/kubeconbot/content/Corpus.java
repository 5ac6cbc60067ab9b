package dev.kubeconbot.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The loaded articles, their passages, and the files that were skipped. Immutable: a reload builds
 * a new corpus. The groupings answers need on every request are computed once here.
 */
public final class Corpus {

  private final List<Article> articles;
  private final List<Passage> passages;
  private final List<SkippedFile> skipped;
  private final Map<Edition, List<Article>> byEdition;
  private final Map<Edition, Integer> passageCounts;
  private final SortedSet<Integer> years;

  /** No articles: what a first load reuses passages from. */
  static final Corpus EMPTY = new Corpus(List.of(), List.of(), List.of());

  private Corpus(List<Article> articles, List<Passage> passages, List<SkippedFile> skipped) {
    this.articles = List.copyOf(articles);
    this.passages = List.copyOf(passages);
    this.skipped = List.copyOf(skipped);
    Map<Edition, List<Article>> groups = new TreeMap<>();
    articles.forEach(a -> groups.computeIfAbsent(a.edition(), e -> new ArrayList<>()).add(a));
    groups.replaceAll((edition, list) -> List.copyOf(list));
    this.byEdition = Collections.unmodifiableMap(groups);
    Map<Edition, Integer> counts = new TreeMap<>();
    passages.forEach(p -> counts.merge(p.article().edition(), 1, Integer::sum));
    this.passageCounts = Collections.unmodifiableMap(counts);
    SortedSet<Integer> known = new TreeSet<>();
    groups.keySet().stream().filter(Edition::hasYear).forEach(e -> known.add(e.year()));
    this.years = Collections.unmodifiableSortedSet(known);
  }

  /** Builds the passages of {@code articles}, numbering them in order. */
  public static Corpus of(List<Article> articles, List<SkippedFile> skipped) {
    return of(articles, skipped, EMPTY);
  }

  /**
   * {@link #of(List, List)}, except that an article {@code previous} holds (the very object, as a
   * reload keeps the articles of unchanged files) takes its passages' text from there rather than
   * splitting it again: the two corpora share it instead of holding two copies.
   */
  static Corpus of(List<Article> articles, List<SkippedFile> skipped, Corpus previous) {
    Map<Article, List<Passage>> known = new IdentityHashMap<>();
    previous.passages.forEach(p -> known.computeIfAbsent(p.article(), a -> new ArrayList<>()).add(p));
    List<Passage> passages = new ArrayList<>();
    for (Article article : articles) {
      List<Passage> before = known.get(article);
      if (before != null) {
        before.forEach(p -> passages.add(new Passage(passages.size(), article, p.section(), p.text(), p.linkWords())));
        continue;
      }
      for (PassageSplitter.Draft draft : PassageSplitter.split(article)) {
        passages.add(new Passage(passages.size(), article, draft.section(), draft.text(), draft.linkWords()));
      }
    }
    return new Corpus(articles, passages, skipped);
  }

  public List<Article> articles() {
    return articles;
  }

  public List<Passage> passages() {
    return passages;
  }

  /** Files that could not be loaded, with the reason. */
  public List<SkippedFile> skipped() {
    return skipped;
  }

  /** Years that have at least one article, ascending. */
  public SortedSet<Integer> years() {
    return years;
  }

  /** Articles by edition, editions in time order. */
  public Map<Edition, List<Article>> byEdition() {
    return byEdition;
  }

  /** Passage count per edition, editions in time order. */
  public Map<Edition, Integer> passageCounts() {
    return passageCounts;
  }
}
