package dev.kubeconbot.search;

import java.io.DataInput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.ArrayUtil;

/**
 * A query's matches and their scores, computed once by walking every match of the query and then
 * replayed from two arrays: the same documents with the same scores, so any query built around it
 * ranks exactly as around the original. For a glossary topic, whose query is a disjunction of
 * phrases over several fields in which a common topic matches a quarter of all passages, checking
 * the phrases' positions in every match was most of what a question cost; reading an array is not.
 * Scores are kept per block of documents as well, so that a top-k search skips blocks that cannot
 * compete (Lucene's block-max WAND and MAXSCORE ask for them). Only for an index that never changes;
 * saved with the warm-up ({@link WarmState}) for the very commit it was computed on.
 */
final class ScoredMatches extends Query {

  /** Entries per block of the maximum scores: as Lucene's postings, a block per 128 documents. */
  private static final int BLOCK = 128;
  /** No query's text is this long; a longer saved name means a damaged file. */
  private static final int MAX_NAME_BYTES = 1 << 20;

  private final String name;
  /** Index-wide document numbers, ascending, and the score of each. */
  private final int[] docs;
  private final float[] scores;
  /** The highest score of each {@link #BLOCK} entries. */
  private final float[] blockMax;

  private ScoredMatches(String name, int[] docs, float[] scores) {
    this.name = name;
    this.docs = docs;
    this.scores = scores;
    this.blockMax = new float[(docs.length + BLOCK - 1) / BLOCK];
    for (int i = 0; i < docs.length; i++) {
      blockMax[i / BLOCK] = Math.max(blockMax[i / BLOCK], scores[i]);
    }
  }

  /** Every live match of {@code query} in {@code searcher}'s index and its score, as {@code query} scores it. */
  static ScoredMatches of(IndexSearcher searcher, Query query) {
    Collected collected = new Collected();
    PassageIndex.eachMatch(searcher, query, true, collected);
    // The searcher has no executor: leaves are visited one after the other, in order, so the
    // document numbers come ascending.
    return new ScoredMatches(query.toString(), Arrays.copyOf(collected.docs, collected.size),
        Arrays.copyOf(collected.scores, collected.size));
  }

  /**
   * Writes the query's name and its matches (see {@link #read}): for a common topic at 10,000 articles
   * a few hundred thousand of them, so as two arrays, not number by number.
   */
  void write(DataOutputStream out) throws IOException {
    byte[] label = name.getBytes(StandardCharsets.UTF_8);
    out.writeInt(label.length);
    out.write(label);
    out.writeInt(docs.length);
    ByteBuffer entries = ByteBuffer.allocate(8 * docs.length);
    entries.asIntBuffer().put(docs);
    entries.position(4 * docs.length).asFloatBuffer().put(scores);
    out.write(entries.array());
  }

  /**
   * Matches {@link #write} wrote for an index of {@code maxDoc} documents.
   *
   * @throws IOException if they cannot be its (a damaged file): a count or document out of range,
   *     documents not ascending, a score that is not a number
   */
  static ScoredMatches read(DataInput in, int maxDoc) throws IOException {
    String name = new String(bytes(in, in.readInt(), MAX_NAME_BYTES), StandardCharsets.UTF_8);
    int size = in.readInt();
    if (size < 0 || size > maxDoc || size > Integer.MAX_VALUE / 8) {
      throw new IOException("saved matches of " + name + ": " + size + " of an index of " + maxDoc + " documents");
    }
    ByteBuffer entries = ByteBuffer.wrap(bytes(in, 8 * size, 8L * size));
    int[] docs = new int[size];
    float[] scores = new float[size];
    entries.asIntBuffer().get(docs);
    entries.position(4 * size).asFloatBuffer().get(scores);
    for (int i = 0; i < size; i++) {
      if (docs[i] < (i == 0 ? 0 : docs[i - 1] + 1) || docs[i] >= maxDoc || Float.isNaN(scores[i])) {
        throw new IOException("saved matches of " + name + " do not fit an index of " + maxDoc + " documents");
      }
    }
    return new ScoredMatches(name, docs, scores);
  }

  /** {@code count} bytes of {@code in}, if that is at most {@code max}; else the file is damaged. */
  private static byte[] bytes(DataInput in, int count, long max) throws IOException {
    if (count < 0 || count > max) {
      throw new IOException("a length of " + count + ": the file is damaged");
    }
    byte[] bytes = new byte[count];
    in.readFully(bytes);
    return bytes;
  }

  /** The query whose matches these are, as {@link Query#toString()} writes it. */
  String name() {
    return name;
  }

  /** How many documents match. */
  int size() {
    return docs.length;
  }

  /** Bytes held, for bounding a cache of these. */
  long bytes() {
    return 4L * docs.length + 4L * scores.length + 4L * blockMax.length;
  }

  /** The matches as they come, in growing arrays. */
  private static final class Collected implements PassageIndex.MatchConsumer {
    private int[] docs = new int[64];
    private float[] scores = new float[64];
    private int size;

    @Override
    public void accept(int doc, float score) {
      if (size == docs.length) {
        docs = ArrayUtil.grow(docs, size + 1);
        scores = ArrayUtil.growExact(scores, docs.length);
      }
      docs[size] = doc;
      scores[size] = score;
      size++;
    }
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new Weight(this) {
      @Override
      public Explanation explain(LeafReaderContext context, int doc) {
        int at = Arrays.binarySearch(docs, context.docBase + doc);
        return at >= 0
            ? Explanation.match(boost * scores[at], "score of " + name + " (computed once)")
            : Explanation.noMatch("no match of " + name);
      }

      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) {
        int from = firstAtLeast(context.docBase, 0);
        int to = firstAtLeast(context.docBase + context.reader().maxDoc(), from);
        if (from == to) {
          return null;
        }
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) {
            return new Replay(context.docBase, context.reader().maxDoc(), from, to, boost);
          }

          @Override
          public long cost() {
            return to - from;
          }
        };
      }

      @Override
      public int count(LeafReaderContext context) {
        return firstAtLeast(context.docBase + context.reader().maxDoc(), 0) - firstAtLeast(context.docBase, 0);
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return false; // already in memory
      }
    };
  }

  /** The first entry at or after {@code from} whose document is at least {@code doc}. */
  private int firstAtLeast(int doc, int from) {
    int at = Arrays.binarySearch(docs, from, docs.length, doc);
    return at >= 0 ? at : -at - 1;
  }

  /** The entries {@code from} to {@code to} of one leaf, in document order. */
  private final class Replay extends Scorer {
    private final int docBase;
    private final int maxDoc;
    private final int from;
    private final int to;
    private final float boost;
    /** The current entry: {@code from - 1} before the first, {@code to} after the last. */
    private int at;
    private float minCompetitive;
    private final DocIdSetIterator iterator = new DocIdSetIterator() {
      @Override
      public int docID() {
        return Replay.this.docID();
      }

      @Override
      public int nextDoc() {
        return moveTo(at + 1);
      }

      @Override
      public int advance(int target) {
        return moveTo(entryAtLeast(target, at + 1));
      }

      @Override
      public long cost() {
        return to - from;
      }
    };

    Replay(int docBase, int maxDoc, int from, int to, float boost) {
      this.docBase = docBase;
      this.maxDoc = maxDoc;
      this.from = from;
      this.to = to;
      this.boost = boost;
      this.at = from - 1;
    }

    /**
     * The first entry at or after {@code start} whose document (in this leaf) is at least {@code target};
     * {@code to} for none. Targets may be {@link DocIdSetIterator#NO_MORE_DOCS}: no index-wide number is formed from them.
     */
    private int entryAtLeast(int target, int start) {
      int first = Math.max(start, from);
      return target >= maxDoc ? to : Math.min(firstAtLeast(docBase + target, first), to);
    }

    /** Moves to entry {@code next} or, with a minimum score set, the first after it that reaches it. */
    private int moveTo(int next) {
      while (next < to && minCompetitive > 0 && boost * scores[next] < minCompetitive) {
        next = boost * blockMax[next / BLOCK] < minCompetitive ? (next / BLOCK + 1) * BLOCK : next + 1;
      }
      at = Math.min(next, to);
      return docID();
    }

    @Override
    public int docID() {
      return at < from ? -1 : at >= to ? DocIdSetIterator.NO_MORE_DOCS : docs[at] - docBase;
    }

    @Override
    public DocIdSetIterator iterator() {
      return iterator;
    }

    @Override
    public float score() {
      return boost * scores[at];
    }

    @Override
    public void setMinCompetitiveScore(float minScore) {
      minCompetitive = minScore;
    }

    @Override
    public int advanceShallow(int target) {
      int entry = entryAtLeast(target, at);
      if (entry >= to) {
        return DocIdSetIterator.NO_MORE_DOCS;
      }
      int blockEnd = Math.min((entry / BLOCK + 1) * BLOCK, to) - 1;
      return docs[blockEnd] - docBase;
    }

    @Override
    public float getMaxScore(int upTo) {
      // From the current document on: at least the range asked for, so never less than its maximum.
      int first = Math.max(at, from);
      int last = (upTo >= maxDoc - 1 ? to : entryAtLeast(upTo + 1, first)) - 1;
      float max = 0;
      for (int block = first / BLOCK; first <= last && block <= last / BLOCK; block++) {
        max = Math.max(max, blockMax[block]);
      }
      return boost * max;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "computed(" + name + ")";
  }

  /** Identity: two computations of one query are equal only by their contents, never worth comparing. */
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
