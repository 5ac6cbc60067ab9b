package dev.kubeconbot.search;

import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.content.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene index of a corpus, one document per passage ({@link IndexSchema}), and the
 * ways of running a query over it. Titles and section headings are not searched: they ranked nothing
 * better in the retrieval evaluation and cost a third of the query time. Immutable once built; a
 * content reload builds a new one. The searcher has no executor: one query runs on one thread.
 */
final class PassageIndex {

  private final Corpus corpus;
  private final Analyzer analyzer;
  private final IndexSearcher searcher;

  private PassageIndex(Corpus corpus, Analyzer analyzer, IndexSearcher searcher) {
    this.corpus = corpus;
    this.analyzer = analyzer;
    this.searcher = searcher;
  }

  /** Indexes every passage of {@code corpus}. */
  static PassageIndex build(Corpus corpus) {
    Analyzer analyzer = Analyzers.perField();
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64).setCommitOnClose(true);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (Passage passage : corpus.passages()) {
        writer.addDocument(IndexSchema.document(passage));
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

  Corpus corpus() {
    return corpus;
  }

  /** The analyzer the passages were indexed with, to analyze queries the same way. */
  Analyzer analyzer() {
    return analyzer;
  }

  IndexSearcher searcher() {
    return searcher;
  }

  /** How many passages the index holds. */
  int size() {
    return searcher.getIndexReader().numDocs();
  }

  /** How many passages contain {@code term} in {@code field}, from the term statistics. */
  int docFreq(String field, String term) {
    try {
      return searcher.getIndexReader().docFreq(new Term(field, term));
    } catch (IOException e) {
      throw new UncheckedIOException("reading term statistics of the in-memory index failed", e);
    }
  }

  /** The best {@code limit} documents for {@code query}, best first. */
  ScoreDoc[] top(Query query, int limit) {
    try {
      return searcher.search(query, limit).scoreDocs;
    } catch (IOException e) {
      throw new UncheckedIOException("searching the in-memory index failed", e);
    }
  }

  int count(Query query) {
    try {
      return searcher.count(query);
    } catch (IOException e) {
      throw new UncheckedIOException("counting in the in-memory index failed", e);
    }
  }

  /** The passage of document {@code doc} (an index-wide document number). */
  Passage passage(int doc) {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    try {
      NumericDocValues ids = leaf.reader().getNumericDocValues(IndexSchema.PASSAGE_ID);
      if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
        throw new IllegalStateException("indexed passage without id");
      }
      return corpus.passages().get((int) ids.longValue());
    } catch (IOException e) {
      throw new UncheckedIOException("reading the in-memory index failed", e);
    }
  }

  /** A matching passage and its score (0 when scores are not needed). */
  interface PassageConsumer {
    void accept(Passage passage, float score);
  }

  /**
   * Hands every passage matching {@code query} to {@code consumer}, in one pass. Collection is
   * single-threaded, so the consumer needs no locking.
   */
  void collect(Query query, boolean scores, PassageConsumer consumer) {
    try {
      searcher.search(query, new CollectorManager<SimpleCollector, Void>() {
        @Override
        public SimpleCollector newCollector() {
          return new SimpleCollector() {
            private NumericDocValues ids;
            private Scorable scorer;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
              ids = context.reader().getNumericDocValues(IndexSchema.PASSAGE_ID);
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
}
