package dev.kubeconbot.search;

import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.content.Edition;
import dev.kubeconbot.content.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene index of a corpus: one document per passage, with the passage text analysed
 * as Chinese words and as CJK bigrams, and the article's year and region as filters. Titles and
 * section headings are not searched: they ranked nothing better in the retrieval evaluation and cost
 * a third of the query time. Immutable once built; a content reload builds a new one.
 */
public final class PassageIndex {

  private static final String PASSAGE_ID = "passage";
  private static final String YEAR = "year";
  private static final String REGION = "region";
  /** Both analyses of the passage text: Chinese words for precision, bigrams for recall. */
  private static final List<String> TEXT_FIELDS = List.of(Analyzers.TEXT_WORDS, Analyzers.TEXT_BIGRAMS);
  private static final float TIE_BREAKER = 0.1f;

  private final Corpus corpus;
  private final Analyzer analyzer;
  private final IndexSearcher searcher;
  /** Glossary topics come back in query after query; their analysis is done once (bounded by the glossary). */
  private final Map<Glossary.Topic, Query> topicQueries = new ConcurrentHashMap<>();

  private PassageIndex(Corpus corpus, Analyzer analyzer, IndexSearcher searcher) {
    this.corpus = corpus;
    this.analyzer = analyzer;
    this.searcher = searcher;
  }

  /** Indexes every passage of {@code corpus}. */
  public static PassageIndex build(Corpus corpus) {
    Analyzer analyzer = Analyzers.perField();
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64).setCommitOnClose(true);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (Passage passage : corpus.passages()) {
        writer.addDocument(document(passage));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("building the in-memory index failed", e);
    }
    try {
      return new PassageIndex(corpus, analyzer, new IndexSearcher(DirectoryReader.open(directory)));
    } catch (IOException e) {
      throw new UncheckedIOException("opening the in-memory index failed", e);
    }
  }

  private static Document document(Passage passage) {
    Document doc = new Document();
    doc.add(new NumericDocValuesField(PASSAGE_ID, passage.id()));
    doc.add(new TextField(Analyzers.TEXT_WORDS, passage.text(), Field.Store.NO));
    doc.add(new TextField(Analyzers.TEXT_BIGRAMS, passage.text(), Field.Store.NO));
    doc.add(new IntField(YEAR, passage.article().edition().year(), Field.Store.NO));
    if (passage.article().edition().region() != null) {
      doc.add(new KeywordField(REGION, passage.article().edition().region(), Field.Store.NO));
    }
    return doc;
  }

  public Corpus corpus() {
    return corpus;
  }

  /**
   * The best {@code limit} passages for {@code plan}, best first, each with the rarity-weighted share
   * of the plan's concepts it contains. Empty for an empty plan.
   *
   * @param scope only passages of this edition (its year and region, where known), or {@code null} for all
   * @param requireAll only passages that contain every concept (their coverage is 1)
   */
  public List<SearchHit> search(QueryPlan plan, int limit, Edition scope, boolean requireAll) {
    if (plan.isEmpty()) {
      return List.of();
    }
    List<Query> concepts = plan.concepts().stream().map(this::conceptQuery).toList();
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    concepts.forEach(c -> query.add(c, requireAll ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD));
    if (scope != null && scope.hasYear()) {
      query.add(IntField.newExactQuery(YEAR, scope.year()), BooleanClause.Occur.FILTER);
    }
    if (scope != null && scope.region() != null) {
      query.add(KeywordField.newExactQuery(REGION, scope.region()), BooleanClause.Occur.FILTER);
    }
    try {
      ScoreDoc[] top = searcher.search(query.build(), limit).scoreDocs;
      double[] coverage = requireAll || concepts.size() == 1 ? full(top.length) : coverage(plan, concepts, top);
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      List<SearchHit> hits = new ArrayList<>(top.length);
      for (int i = 0; i < top.length; i++) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(top[i].doc, leaves));
        hits.add(new SearchHit(passage(leaf, top[i].doc - leaf.docBase), top[i].score, coverage[i]));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException("searching the in-memory index failed", e);
    }
  }

  private static double[] full(int length) {
    double[] coverage = new double[length];
    Arrays.fill(coverage, 1.0);
    return coverage;
  }

  /**
   * For each hit, the share of the concepts it contains, each concept weighted by its rarity (BM25
   * idf), so that a hit missing a rare word covers less than one missing a common word. Each
   * concept's matches are walked once, in document order, skipping to the hits.
   */
  private double[] coverage(QueryPlan plan, List<Query> concepts, ScoreDoc[] top) throws IOException {
    Integer[] byDoc = new Integer[top.length];
    Arrays.setAll(byDoc, i -> i);
    Arrays.sort(byDoc, (a, b) -> Integer.compare(top[a].doc, top[b].doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int total = searcher.getIndexReader().numDocs();
    double[] covered = new double[top.length];
    double totalWeight = 0;
    for (int c = 0; c < concepts.size(); c++) {
      int df = estimatedCount(plan.concepts().get(c));
      double weight = Math.log(1 + (total - df + 0.5) / (df + 0.5));
      totalWeight += weight;
      Weight matcher = searcher.createWeight(searcher.rewrite(concepts.get(c)), ScoreMode.COMPLETE_NO_SCORES, 1f);
      int leafIndex = -1;
      Scorer scorer = null;
      for (int hit : byDoc) {
        int leaf = ReaderUtil.subIndex(top[hit].doc, leaves);
        if (leaf != leafIndex) {
          leafIndex = leaf;
          scorer = matcher.scorer(leaves.get(leaf));
        }
        if (scorer != null && matches(scorer, top[hit].doc - leaves.get(leaf).docBase)) {
          covered[hit] += weight;
        }
      }
    }
    for (int i = 0; i < covered.length; i++) {
      covered[i] = totalWeight == 0 ? 0 : covered[i] / totalWeight;
    }
    return covered;
  }

  /** Whether {@code scorer}'s matches include {@code doc}; calls must come in increasing doc order. */
  private static boolean matches(Scorer scorer, int doc) throws IOException {
    TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
    DocIdSetIterator candidates = twoPhase != null ? twoPhase.approximation() : scorer.iterator();
    if (candidates.docID() < doc) {
      candidates.advance(doc);
    }
    return candidates.docID() == doc && (twoPhase == null || twoPhase.matches());
  }

  /** How many passages contain {@code concept}. */
  public int count(Concept concept) {
    return count(conceptQuery(concept));
  }

  /**
   * For each edition of the corpus, in time order, how many of its passages contain every concept
   * of {@code plan}. Editions without articles are absent; editions with no match map to 0. One pass
   * over the matches.
   */
  public Map<Edition, Integer> countByEdition(QueryPlan plan) {
    Map<Edition, Integer> counts = new TreeMap<>();
    corpus.passageCounts().keySet().forEach(edition -> counts.put(edition, 0));
    if (!plan.isEmpty()) {
      collect(new ConstantScoreQuery(allOf(plan)), false,
          (passage, score) -> counts.merge(passage.article().edition(), 1, Integer::sum));
    }
    return counts;
  }

  /** How many passages of an edition match, and the best of them (or {@code null} if none). */
  public record EditionMatches(int count, SearchHit best) {}

  /**
   * Like {@link #countByEdition}, with each edition's best-scoring passage too: a trend in one pass
   * over the matches instead of one search per edition.
   */
  public Map<Edition, EditionMatches> matchesByEdition(QueryPlan plan) {
    Map<Edition, EditionMatches> matches = new TreeMap<>();
    corpus.passageCounts().keySet().forEach(edition -> matches.put(edition, new EditionMatches(0, null)));
    if (!plan.isEmpty()) {
      collect(allOf(plan), true, (passage, score) -> matches.merge(passage.article().edition(),
          new EditionMatches(1, new SearchHit(passage, score, 1.0)),
          (seen, one) -> new EditionMatches(seen.count() + 1,
              seen.best() == null || one.best().score() > seen.best().score() ? one.best() : seen.best())));
    }
    return matches;
  }

  private BooleanQuery allOf(QueryPlan plan) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    plan.concepts().forEach(c -> all.add(conceptQuery(c), BooleanClause.Occur.MUST));
    return all.build();
  }

  /** A matching passage and its score (0 when scores are not needed). */
  private interface PassageConsumer {
    void accept(Passage passage, float score);
  }

  /**
   * Hands every passage matching {@code query} to {@code consumer}, in one pass. The searcher has no
   * executor, so collection is single-threaded and the consumer needs no locking.
   */
  private void collect(Query query, boolean scores, PassageConsumer consumer) {
    try {
      searcher.search(query, new CollectorManager<SimpleCollector, Void>() {
        @Override
        public SimpleCollector newCollector() {
          return new SimpleCollector() {
            private NumericDocValues ids;
            private Scorable scorer;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
              ids = context.reader().getNumericDocValues(PASSAGE_ID);
            }

            @Override
            public void setScorer(Scorable scorer) {
              this.scorer = scorer;
            }

            @Override
            public void collect(int doc) throws IOException {
              if (ids != null && ids.advanceExact(doc)) {
                consumer.accept(corpus.passages().get((int) ids.longValue()), scores ? scorer.score() : 0f);
              }
            }

            @Override
            public ScoreMode scoreMode() {
              return scores ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
            }
          };
        }

        @Override
        public Void reduce(Collection<SimpleCollector> collectors) {
          return null;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("searching the in-memory index failed", e);
    }
  }

  private int count(Query query) {
    try {
      return searcher.count(query);
    } catch (IOException e) {
      throw new UncheckedIOException("counting in the in-memory index failed", e);
    }
  }

  private Passage passage(LeafReaderContext leaf, int doc) throws IOException {
    NumericDocValues ids = leaf.reader().getNumericDocValues(PASSAGE_ID);
    if (ids == null || !ids.advanceExact(doc)) {
      throw new IllegalStateException("indexed passage without id");
    }
    return corpus.passages().get((int) ids.longValue());
  }

  /**
   * Any variant of the concept, as a phrase in the passage text, segmented or as bigrams. A passage
   * matches a concept only through its own text, so every quote contains what was asked about.
   */
  Query conceptQuery(Concept concept) {
    return concept.topic() == null
        ? buildConceptQuery(concept)
        : topicQueries.computeIfAbsent(concept.topic(), topic -> buildConceptQuery(concept));
  }

  private Query buildConceptQuery(Concept concept) {
    // A set: "Operator", "operators" and "operator" are one stemmed term, searched once.
    Set<Query> alternatives = new LinkedHashSet<>();
    for (String variant : concept.variants()) {
      for (String field : fieldsFor(variant)) {
        phrase(field, variant).ifPresent(alternatives::add);
      }
    }
    return new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
  }

  /** Both text fields for Chinese; for Latin text both analyses give the same stemmed words, so one. */
  private static List<String> fieldsFor(String variant) {
    boolean cjk = variant.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    return cjk ? TEXT_FIELDS : List.of(Analyzers.TEXT_BIGRAMS);
  }

  private Optional<Query> phrase(String field, String text) {
    List<Analyzers.Token> tokens = Analyzers.tokens(analyzer, field, text);
    if (field.equals(Analyzers.TEXT_WORDS) && tokens.size() > 1
        && tokens.stream().allMatch(t -> t.term().codePointCount(0, t.term().length()) == 1)) {
      // Segmented into single characters (多云 → 多 云): no word to match on; the bigrams say it exactly.
      return Optional.empty();
    }
    if (tokens.size() <= 1) {
      return tokens.stream().findFirst().map(t -> new TermQuery(new Term(field, t.term())));
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    tokens.forEach(t -> phrase.add(new Term(field, t.term()), t.position()));
    return Optional.of(phrase.build());
  }

  /**
   * How many passages contain the concept, estimated from the index's term statistics without
   * visiting a posting: a phrase occurs at most as often as its rarest word. Enough to weigh
   * concepts by rarity; {@link #count} is exact but walks every match.
   */
  private int estimatedCount(Concept concept) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    int estimate = 0;
    for (String variant : concept.variants()) {
      for (String field : fieldsFor(variant)) {
        int rarest = Integer.MAX_VALUE;
        for (Analyzers.Token token : Analyzers.tokens(analyzer, field, variant)) {
          rarest = Math.min(rarest, reader.docFreq(new Term(field, token.term())));
        }
        if (rarest != Integer.MAX_VALUE) {
          estimate = Math.max(estimate, rarest);
        }
      }
    }
    return Math.min(estimate, reader.numDocs());
  }
}
