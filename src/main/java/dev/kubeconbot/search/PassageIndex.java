package dev.kubeconbot.search;

import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.content.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSearcher.LeafReaderContextPartition;
import org.apache.lucene.search.IndexSearcher.LeafSlice;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lucene index of a corpus, one document per passage ({@link IndexSchema}), and the ways of running
 * a query over it. On disk ({@link IndexStore}: reopened while the content is unchanged, updated
 * article by article when it changes) or in memory. Immutable once built; a content reload builds a new one. The searcher has no executor: one query
 * runs on one thread, except a top-k search asked to be shared ({@link #topShared}), which splits
 * the documents among the cores.
 */
final class PassageIndex implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PassageIndex.class);
  private static final int SEARCH_THREADS = Runtime.getRuntime().availableProcessors();
  /** The threads shared searches run on, for every index (daemons: they never keep the bot from stopping). */
  private static final ExecutorService SEARCH_POOL = Executors.newFixedThreadPool(SEARCH_THREADS, Thread.ofPlatform()
      .name("search-", 1).daemon(true).factory());

  /** A searcher over {@code reader} whose slices are {@link #SEARCH_THREADS} equal ranges of documents, across segments. */
  private static IndexSearcher sharedSearcher(IndexReader reader) {
    return new IndexSearcher(reader, SEARCH_POOL) {
      @Override
      protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        int docs = leaves.stream().mapToInt(leaf -> leaf.reader().maxDoc()).sum();
        int perSlice = Math.max(1, (docs + SEARCH_THREADS - 1) / SEARCH_THREADS);
        List<LeafSlice> slices = new ArrayList<>();
        List<LeafReaderContextPartition> slice = new ArrayList<>();
        int room = perSlice;
        for (LeafReaderContext leaf : leaves) {
          for (int from = 0; from < leaf.reader().maxDoc(); ) {
            int to = Math.min(leaf.reader().maxDoc(), from + room);
            slice.add(LeafReaderContextPartition.createFromAndTo(leaf, from, to));
            room -= to - from;
            from = to;
            if (room == 0) {
              slices.add(new LeafSlice(slice));
              slice = new ArrayList<>();
              room = perSlice;
            }
          }
        }
        if (!slice.isEmpty()) {
          slices.add(new LeafSlice(slice));
        }
        return slices.toArray(LeafSlice[]::new);
      }
    };
  }

  private final Corpus corpus;
  private final Analyzer analyzer;
  private final IndexSearcher searcher;
  /** The same index searched in {@link #SEARCH_THREADS} ranges of documents at once; {@code null} on one core. */
  private final IndexSearcher shared;
  /** For each document (index-wide number), the position of its passage in the corpus; -1 if deleted. */
  private final int[] passageOfDoc;
  private final Optional<IndexStore.Stored> stored;

  private PassageIndex(Corpus corpus, Analyzer analyzer, IndexStore.Opened opened) {
    this.corpus = corpus;
    this.analyzer = analyzer;
    this.searcher = new IndexSearcher(opened.reader());
    this.shared = SEARCH_THREADS > 1 ? sharedSearcher(opened.reader()) : null;
    this.passageOfDoc = opened.passageOfDoc();
    this.stored = opened.stored();
  }

  /** Indexes every passage of {@code corpus} in memory, from all cores when it is large enough to share. */
  static PassageIndex build(Corpus corpus) {
    return build(corpus, IndexStore.threadsFor(corpus.passages().size()));
  }

  /** Indexes every passage of {@code corpus} in memory on {@code threads} threads. */
  static PassageIndex build(Corpus corpus, int threads) {
    Analyzer analyzer = Analyzers.perField();
    return new PassageIndex(corpus, analyzer, IndexStore.inMemory(corpus, analyzer, threads));
  }

  /**
   * The index of {@code corpus} in {@code folder} (see {@link IndexStore#onDisk}); in memory, with a
   * warning, if the folder cannot be used (a read-only file system, say).
   */
  static PassageIndex open(Path folder, Corpus corpus) {
    return open(folder, corpus, null);
  }

  /**
   * {@link #open(Path, Corpus)}, sharing with {@code live} (the index answering meanwhile, or
   * {@code null}) the segments both have (see {@link IndexStore#onDisk(Path, Corpus, Analyzer, int, DirectoryReader)}).
   */
  static PassageIndex open(Path folder, Corpus corpus, PassageIndex live) {
    return open(folder, corpus, live, IndexStore.Peek.NONE);
  }

  /**
   * {@link #open(Path, Corpus, PassageIndex)} with the latest commit {@code peek} opened, if it
   * looked at {@code folder} (see {@link IndexStore#onDisk(Path, Corpus, Analyzer, int, DirectoryReader, IndexStore.Peek)}).
   */
  static PassageIndex open(Path folder, Corpus corpus, PassageIndex live, IndexStore.Peek peek) {
    Analyzer analyzer = Analyzers.perField();
    try {
      return new PassageIndex(corpus, analyzer, IndexStore.onDisk(folder, corpus, analyzer,
          IndexStore.threadsFor(corpus.passages().size()),
          live != null && live.searcher.getIndexReader() instanceof DirectoryReader reader ? reader : null, peek));
    } catch (IOException e) {
      LOG.warn("index folder {} cannot be used ({}); indexing in memory instead", folder, e.toString());
      return build(corpus);
    }
  }

  /** Closes the index files; searches still under way may fail, so call it once none can be. */
  @Override
  public void close() {
    try {
      searcher.getIndexReader().close();
    } catch (IOException e) {
      LOG.warn("closing the index failed: {}", e.toString());
    }
  }

  Corpus corpus() {
    return corpus;
  }

  /** Where the index is stored and which commit of it this is; empty for an index in memory. */
  Optional<IndexStore.Stored> stored() {
    return stored;
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
      throw new UncheckedIOException("reading term statistics of the index failed", e);
    }
  }

  /**
   * The best {@code limit} documents for {@code query}, best first, equal scores in corpus order
   * rather than by document number (which depends on the thread that indexed a passage). Sorting by
   * a field to break ties inside the search tripled the median query time, so the hits are ordered
   * afterwards: only a tie exactly at the cut can keep a different passage.
   */
  ScoreDoc[] top(Query query, int limit) {
    return top(searcher, query, limit);
  }

  /**
   * {@link #top(Query, int)} with the documents split among the cores, each range searched on its
   * own thread (the best score so far shared between them): the same hits sooner, for a search that
   * has many matches to score. On one core, the plain search.
   */
  ScoreDoc[] topShared(Query query, int limit) {
    return top(shared == null ? searcher : shared, query, limit);
  }

  private ScoreDoc[] top(IndexSearcher searcher, Query query, int limit) {
    try {
      // Counting every hit is not needed: collection may skip what cannot reach the top (block-max WAND).
      int hits = Math.max(1, Math.min(limit, searcher.getIndexReader().maxDoc()));
      ScoreDoc[] top = searcher.search(query, new TopScoreDocCollectorManager(hits, hits)).scoreDocs;
      Arrays.sort(top, Comparator.comparingDouble((ScoreDoc hit) -> -hit.score).thenComparingInt(hit -> passageOfDoc[hit.doc]));
      return top;
    } catch (IOException e) {
      throw new UncheckedIOException("searching the index failed", e);
    }
  }

  int count(Query query) {
    try {
      return searcher.count(query);
    } catch (IOException e) {
      throw new UncheckedIOException("counting in the index failed", e);
    }
  }

  /** Whether document {@code doc} (an index-wide number) is a live passage, not a deleted one. */
  boolean hasPassage(int doc) {
    return passageOfDoc[doc] >= 0;
  }

  /** The passage of document {@code doc} (an index-wide document number). */
  Passage passage(int doc) {
    int passage = passageOfDoc[doc];
    if (passage < 0) {
      throw new IllegalStateException("document " + doc + " has no passage");
    }
    return corpus.passages().get(passage);
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
    eachMatch(searcher, query, scores, (doc, score) -> {
      int passage = passageOfDoc[doc];
      if (passage >= 0) {
        consumer.accept(corpus.passages().get(passage), score);
      }
    });
  }

  /** A matching document (its number in the whole index) and its score (0 when scores are not needed). */
  interface MatchConsumer {
    void accept(int doc, float score);
  }

  /**
   * Hands every document of {@code searcher}'s index matching {@code query} to {@code consumer}, in
   * one pass, one leaf after the other in document order (the searchers here have no executor): the
   * consumer needs no locking.
   */
  static void eachMatch(IndexSearcher searcher, Query query, boolean scores, MatchConsumer consumer) {
    try {
      searcher.search(query, new CollectorManager<SimpleCollector, Void>() {
        @Override
        public SimpleCollector newCollector() {
          return new SimpleCollector() {
            private int docBase;
            private Scorable scorer;

            @Override
            protected void doSetNextReader(LeafReaderContext context) {
              docBase = context.docBase;
            }

            @Override
            public void setScorer(Scorable scorer) {
              this.scorer = scorer;
            }

            @Override
            public void collect(int doc) throws IOException {
              consumer.accept(docBase + doc, scores ? scorer.score() : 0f);
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
      throw new UncheckedIOException("searching the index failed", e);
    }
  }
}
