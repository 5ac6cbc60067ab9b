package dev.kubeconbot.search;

import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.content.Edition;
import dev.kubeconbot.content.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene index of a corpus: one document per passage, with the passage text and its
 * article title plus section heading, each analysed as Chinese words and as CJK bigrams, and the
 * article's year and region. Immutable once built; a content reload builds a new one.
 */
public final class PassageIndex {

  private static final String PASSAGE_ID = "passage";
  private static final String YEAR = "year";
  private static final String REGION = "region";
  /** Title and heading matches count, but less than a match in the passage itself. */
  private static final float HEAD_BOOST = 0.4f;
  private static final float TIE_BREAKER = 0.1f;

  private final Corpus corpus;
  private final Analyzer analyzer;
  private final IndexSearcher searcher;

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
    String head = passage.article().title() + "\n" + passage.section();
    Document doc = new Document();
    doc.add(new NumericDocValuesField(PASSAGE_ID, passage.id()));
    doc.add(new TextField(Analyzers.TEXT_WORDS, passage.text(), Field.Store.NO));
    doc.add(new TextField(Analyzers.TEXT_BIGRAMS, passage.text(), Field.Store.NO));
    doc.add(new TextField(Analyzers.HEAD_WORDS, head, Field.Store.NO));
    doc.add(new TextField(Analyzers.HEAD_BIGRAMS, head, Field.Store.NO));
    doc.add(new IntField(YEAR, passage.article().edition().year(), Field.Store.NO));
    doc.add(new KeywordField(REGION, regionTerm(passage.article().edition()), Field.Store.NO));
    return doc;
  }

  public Corpus corpus() {
    return corpus;
  }

  /**
   * The best {@code limit} passages for {@code plan}, best first, each with the rarity-weighted share
   * of the plan's concepts it contains. Empty for an empty plan.
   */
  public List<SearchHit> search(QueryPlan plan, int limit) {
    if (plan.isEmpty()) {
      return List.of();
    }
    try {
      List<Query> concepts = plan.concepts().stream().map(this::conceptQuery).toList();
      double[] weights = new double[concepts.size()];
      Weight[] matchers = new Weight[concepts.size()];
      int total = searcher.getIndexReader().numDocs();
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      for (int i = 0; i < concepts.size(); i++) {
        Query concept = concepts.get(i);
        int df = count(concept);
        weights[i] = Math.log(1 + (total - df + 0.5) / (df + 0.5));
        matchers[i] = searcher.createWeight(searcher.rewrite(concept), ScoreMode.COMPLETE_NO_SCORES, 1f);
        query.add(concept, BooleanClause.Occur.SHOULD);
      }
      double totalWeight = Arrays.stream(weights).sum();
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      List<SearchHit> hits = new ArrayList<>();
      for (ScoreDoc scoreDoc : searcher.search(query.build(), limit).scoreDocs) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(scoreDoc.doc, leaves));
        int doc = scoreDoc.doc - leaf.docBase;
        double covered = 0;
        for (int i = 0; i < matchers.length; i++) {
          if (matchers[i].matches(leaf, doc) != null) {
            covered += weights[i];
          }
        }
        hits.add(new SearchHit(passage(leaf, doc), scoreDoc.score, totalWeight == 0 ? 0 : covered / totalWeight));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException("searching the in-memory index failed", e);
    }
  }

  /** How many passages contain {@code concept}. */
  public int count(Concept concept) {
    return count(conceptQuery(concept));
  }

  /**
   * For each edition of the corpus, in time order, how many of its passages contain every concept
   * of {@code plan}. Editions without articles are absent; editions with no match map to 0.
   */
  public Map<Edition, Integer> countByEdition(QueryPlan plan) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    plan.concepts().forEach(c -> all.add(conceptQuery(c), BooleanClause.Occur.MUST));
    Query matches = all.build();
    Map<Edition, Integer> counts = new TreeMap<>();
    for (Edition edition : corpus.passageCounts().keySet()) {
      Query inEdition = new BooleanQuery.Builder()
          .add(matches, BooleanClause.Occur.MUST)
          .add(IntField.newExactQuery(YEAR, edition.year()), BooleanClause.Occur.FILTER)
          .add(KeywordField.newExactQuery(REGION, regionTerm(edition)), BooleanClause.Occur.FILTER)
          .build();
      counts.put(edition, plan.isEmpty() ? 0 : count(inEdition));
    }
    return counts;
  }

  private int count(Query query) {
    try {
      return searcher.count(query);
    } catch (IOException e) {
      throw new UncheckedIOException("counting in the in-memory index failed", e);
    }
  }

  private static String regionTerm(Edition edition) {
    return edition.region() == null ? "?" : edition.region();
  }

  private Passage passage(LeafReaderContext leaf, int doc) throws IOException {
    NumericDocValues ids = leaf.reader().getNumericDocValues(PASSAGE_ID);
    if (ids == null || !ids.advanceExact(doc)) {
      throw new IllegalStateException("indexed passage without id");
    }
    return corpus.passages().get((int) ids.longValue());
  }

  /** Any variant of the concept, as a phrase in any text field; title and heading matches count less. */
  Query conceptQuery(Concept concept) {
    List<Query> alternatives = new ArrayList<>();
    for (String variant : concept.variants()) {
      addPhrase(alternatives, Analyzers.TEXT_WORDS, variant, 1f);
      addPhrase(alternatives, Analyzers.TEXT_BIGRAMS, variant, 1f);
      addPhrase(alternatives, Analyzers.HEAD_WORDS, variant, HEAD_BOOST);
      addPhrase(alternatives, Analyzers.HEAD_BIGRAMS, variant, HEAD_BOOST);
    }
    return new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
  }

  private void addPhrase(List<Query> alternatives, String field, String text, float boost) {
    List<Analyzers.Token> tokens = Analyzers.tokens(analyzer, field, text);
    if (tokens.isEmpty()) {
      return;
    }
    Query query;
    if (tokens.size() == 1) {
      query = new TermQuery(new Term(field, tokens.getFirst().term()));
    } else {
      PhraseQuery.Builder phrase = new PhraseQuery.Builder();
      tokens.forEach(t -> phrase.add(new Term(field, t.term()), t.position()));
      query = phrase.build();
    }
    alternatives.add(boost == 1f ? query : new BoostQuery(query, boost));
  }
}
