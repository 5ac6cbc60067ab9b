package dev.kubeconbot.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
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
  /**
   * For each article (by position), its {@link #fingerprints fingerprint}: inherited from the corpus
   * it shares the article with, else {@code null} until first asked for.
   */
  private final String[] fingerprints;
  /** {@link #fingerprints()} once asked for: every article's is known then. Guarded by {@code this}. */
  private SortedMap<String, String> byFile;
  /** The fingerprint of an article without passages: the index holds nothing of it. */
  private static final String NOTHING_SEARCHED = "";
  private final Map<Edition, List<Article>> byEdition;
  private final Map<Edition, Integer> passageCounts;
  private final SortedSet<Integer> years;

  /** No articles: what a first load reuses passages from. */
  static final Corpus EMPTY = new Corpus(List.of(), List.of(), new String[0], List.of());

  private Corpus(List<Article> articles, List<Passage> passages, String[] fingerprints, List<SkippedFile> skipped) {
    this.articles = List.copyOf(articles);
    this.passages = List.copyOf(passages);
    this.fingerprints = fingerprints;
    this.skipped = List.copyOf(skipped);
    Map<Edition, List<Article>> groups = new TreeMap<>();
    articles.forEach(a -> groups.computeIfAbsent(a.edition(), e -> new ArrayList<>()).add(a));
    groups.replaceAll((edition, list) -> List.copyOf(list));
    this.byEdition = Collections.unmodifiableMap(groups);
    Map<Edition, Integer> counts = new TreeMap<>();
    // Counted per run of one article's passages: a tenth of the lookups in the map of editions.
    for (int end = 0, start = 0; start < passages.size(); start = end) {
      Article article = passages.get(start).article();
      while (end < passages.size() && passages.get(end).article() == article) {
        end++;
      }
      counts.merge(article.edition(), end - start, Integer::sum);
    }
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
    if (sameArticles(articles, previous.articles)) {
      return new Corpus(previous, skipped);
    }
    Map<Article, Integer> known = new IdentityHashMap<>();
    for (int i = 0; i < previous.articles.size(); i++) {
      known.put(previous.articles.get(i), i);
    }
    Map<Article, List<Passage>> split = previous.byArticle();
    List<Passage> passages = new ArrayList<>();
    String[] fingerprints = new String[articles.size()];
    for (int i = 0; i < articles.size(); i++) {
      Article article = articles.get(i);
      Integer before = known.get(article);
      if (before != null) {
        split.getOrDefault(article, List.of())
            .forEach(p -> passages.add(new Passage(passages.size(), article, p.section(), p.text(), p.linkWords())));
        fingerprints[i] = previous.fingerprints[before];
        continue;
      }
      for (PassageSplitter.Draft draft : PassageSplitter.split(article)) {
        passages.add(new Passage(passages.size(), article, draft.section(), draft.text(), draft.linkWords()));
      }
    }
    return new Corpus(articles, passages, fingerprints, skipped);
  }

  /** Whether {@code articles} are {@code previous}, the very objects in the same order: a restart or a reload on unchanged content. */
  private static boolean sameArticles(List<Article> articles, List<Article> previous) {
    if (articles.size() != previous.size()) {
      return false;
    }
    for (int i = 0; i < articles.size(); i++) {
      if (articles.get(i) != previous.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** {@code same}'s articles and passages, with other skipped files: nothing is split or grouped again. */
  private Corpus(Corpus same, List<SkippedFile> skipped) {
    this.articles = same.articles;
    this.passages = same.passages;
    synchronized (same) {
      this.fingerprints = same.fingerprints.clone();
      this.byFile = same.byFile;
    }
    this.skipped = List.copyOf(skipped);
    this.byEdition = same.byEdition;
    this.passageCounts = same.passageCounts;
    this.years = same.years;
  }

  /** An article as split before, with its passages' fingerprint (see {@link ArticleStore}). */
  record Split(Article article, List<PassageSplitter.Draft> drafts, String fingerprint) {}

  /** The corpus of articles split before: their drafts and fingerprints are taken as they are. */
  static Corpus restored(List<Split> splits) {
    List<Article> articles = new ArrayList<>(splits.size());
    List<Passage> passages = new ArrayList<>();
    String[] fingerprints = new String[splits.size()];
    for (int i = 0; i < splits.size(); i++) {
      Split split = splits.get(i);
      articles.add(split.article());
      fingerprints[i] = split.fingerprint();
      for (PassageSplitter.Draft draft : split.drafts()) {
        passages.add(new Passage(passages.size(), split.article(), draft.section(), draft.text(), draft.linkWords()));
      }
    }
    return new Corpus(articles, passages, fingerprints, List.of());
  }

  /** Each article's passages, in order; articles without passages are absent. Articles are told apart by identity. */
  public Map<Article, List<Passage>> byArticle() {
    Map<Article, List<Passage>> split = new IdentityHashMap<>();
    passages.forEach(p -> split.computeIfAbsent(p.article(), a -> new ArrayList<>()).add(p));
    return split;
  }

  /**
   * For each article with passages, by file, a fingerprint (SHA-256, hex) of what can be searched of it: its
   * passages' text and link words, in order, and its edition's year and region. The index records
   * them to tell which articles changed. An article shared with the corpus before keeps the
   * fingerprint computed there (a restart reads them back with the parsed articles), so only new
   * articles are hashed.
   */
  public synchronized SortedMap<String, String> fingerprints() {
    if (byFile != null) {
      return byFile;
    }
    Map<Article, List<Passage>> split = null;
    SortedMap<String, String> computed = new TreeMap<>();
    for (int i = 0; i < articles.size(); i++) {
      if (fingerprints[i] == null) {
        split = split == null ? byArticle() : split;
        List<Passage> ofArticle = split.get(articles.get(i));
        fingerprints[i] = ofArticle == null ? NOTHING_SEARCHED : fingerprint(articles.get(i), ofArticle);
      }
      // By content, not identity: a fingerprint read back from the saved articles is another string.
      if (!fingerprints[i].equals(NOTHING_SEARCHED)) {
        computed.put(articles.get(i).file(), fingerprints[i]);
      }
    }
    byFile = Collections.unmodifiableSortedMap(computed);
    return byFile;
  }

  /** The fingerprint of {@code article} (see {@link #fingerprints}), its position in this corpus given. */
  synchronized String fingerprint(int article) {
    if (fingerprints[article] == null) {
      fingerprints();
    }
    return fingerprints[article];
  }

  private static String fingerprint(Article article, List<Passage> passages) {
    MessageDigest digest = sha256();
    digest.update((article.edition().year() + "|" + article.edition().region() + "|").getBytes(StandardCharsets.UTF_8));
    for (Passage passage : passages) {
      for (String searched : List.of(passage.text(), passage.linkWords())) {
        byte[] text = searched.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(text.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) ':');
        digest.update(text);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
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
