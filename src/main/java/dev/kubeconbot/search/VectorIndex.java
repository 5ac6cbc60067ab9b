package dev.kubeconbot.search;

import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.content.Edition;
import dev.kubeconbot.content.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;

/**
 * The passages' vectors in Lucene's HNSW graph: one document per embedded passage, its vector in the
 * field of its language, with the article's year and region to filter on as the lexical search does.
 * Built from cached vectors, in a folder (kept for the next start when the corpus is unchanged) or
 * in memory. Immutable once built.
 */
final class VectorIndex implements AutoCloseable {

  /** The passage's position in the corpus: a vector index is built for one corpus and never updated. */
  private static final String PASSAGE_ID = "passage";

  /** A passage near a question, with the cosine similarity of their vectors (-1–1). */
  record Hit(Passage passage, float similarity) {}

  private final Corpus corpus;
  private final IndexSearcher searcher;
  private final Map<VectorLang, Encoder> encoders;
  private final Executor lookups;

  private VectorIndex(Corpus corpus, IndexSearcher searcher, Map<VectorLang, Encoder> encoders, Executor lookups) {
    this.corpus = corpus;
    this.searcher = searcher;
    this.encoders = Map.copyOf(encoders);
    this.lookups = lookups;
  }

  /** A vector for each passage that has one: its language and the vector. */
  record Entry(Passage passage, VectorLang lang, float[] vector) {}

  /** Writes {@code entries} into the empty {@code directory} and commits. */
  static void write(Directory directory, Iterable<Entry> entries) {
    IndexWriterConfig config = new IndexWriterConfig().setRAMBufferSizeMB(128).setCommitOnClose(true);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (Entry entry : entries) {
        writer.addDocument(document(entry));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the vector index failed", e);
    }
  }

  /**
   * Opens an index {@link #write} wrote for {@code corpus}; questions are embedded with {@code encoders},
   * on {@code lookups} when a request looks them up beside its lexical search ({@link Nearby}).
   */
  static VectorIndex open(Directory directory, Corpus corpus, Map<VectorLang, Encoder> encoders, Executor lookups) {
    try {
      return new VectorIndex(corpus, new IndexSearcher(DirectoryReader.open(directory)), encoders, lookups);
    } catch (IOException e) {
      throw new UncheckedIOException("opening the vector index failed", e);
    }
  }

  private static Document document(Entry entry) {
    Document doc = new Document();
    doc.add(new NumericDocValuesField(PASSAGE_ID, entry.passage().id()));
    IndexSchema.addEdition(doc, entry.passage());
    doc.add(new KnnFloatVectorField(entry.lang().field(), entry.vector(), VectorSimilarityFunction.DOT_PRODUCT));
    return doc;
  }

  /** The threads that look questions up beside their lexical search. */
  Executor lookups() {
    return lookups;
  }

  /** How many passages have a vector. */
  int size() {
    return searcher.getIndexReader().numDocs();
  }

  /**
   * The {@code k} passages nearest to {@code question}, nearest first: the question embedded with the
   * model of its language and searched among that language's passages only.
   *
   * @param scope only passages of this edition (its year and region, where known), or {@code null} for all
   */
  List<Hit> search(String question, int k, Edition scope) {
    VectorLang lang = VectorLang.ofQuery(question);
    Encoder encoder = encoders.get(lang);
    if (encoder == null) {
      return List.of();
    }
    return nearest(lang, encoder.query(question), k, scope);
  }

  /** The {@code k} passages of {@code lang} nearest to {@code vector}, nearest first. */
  List<Hit> nearest(VectorLang lang, float[] vector, int k, Edition scope) {
    Query query = new KnnFloatVectorQuery(lang.field(), vector, k, IndexSchema.editionFilter(scope));
    try {
      ScoreDoc[] top = searcher.search(query, k).scoreDocs;
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      List<Hit> hits = new ArrayList<>(top.length);
      for (ScoreDoc doc : top) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc.doc, leaves));
        NumericDocValues ids = leaf.reader().getNumericDocValues(PASSAGE_ID);
        if (ids != null && ids.advanceExact(doc.doc - leaf.docBase)) {
          // Lucene scores a dot product of unit vectors as (1 + cosine) / 2.
          hits.add(new Hit(corpus.passages().get((int) ids.longValue()), 2 * doc.score - 1));
        }
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException("searching the vector index failed", e);
    }
  }

  /** Releases the index's files (memory maps); searches after this fail. */
  @Override
  public void close() {
    try {
      searcher.getIndexReader().close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the vector index failed", e);
    }
  }
}
