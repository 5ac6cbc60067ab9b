package dev.kubeconbot.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kubeconbot.content.Scripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * How much of a query each hit covers: the share of the plan's concepts it contains, each concept
 * weighted by its rarity (BM25 idf), so that a hit missing a rare word covers less than one missing
 * a common word.
 */
final class Coverage {

  /** Texts whose estimates are kept: every glossary name and lexicon word asked about, and recent question words. */
  private static final int ESTIMATES_KEPT = 20_000;

  /** Marks the cached estimate of a phrase's words apart: no variant starts with a NUL. */
  private static final String LOOSE_KEY = "\u0000";
  private final PassageIndex index;
  private final ConceptQueries queries;
  /**
   * Each text's estimate, per library: a question asks for the same concept's rarity several times
   * (may it match, how much it weighs, its sentence), and glossary topics come back in question after
   * question, each with a dozen names to analyse per field. The index never changes under a library.
   */
  private final Cache<String, Integer> estimates = Caffeine.newBuilder().maximumSize(ESTIMATES_KEPT).build();

  Coverage(PassageIndex index, ConceptQueries queries) {
    this.index = index;
    this.queries = queries;
  }

  /** BM25's inverse document frequency of a term in {@code df} of {@code total} passages. */
  static double idf(int df, int total) {
    return Math.log(1 + (total - df + 0.5) / (df + 0.5));
  }

  /** 1 for every hit. */
  static double[] full(int length) {
    double[] coverage = new double[length];
    Arrays.fill(coverage, 1.0);
    return coverage;
  }

  /**
   * For each of {@code top}, its coverage of {@code plan}, whose concept queries are {@code concepts}.
   * Each concept's matches are walked once, in document order, skipping to the hits.
   */
  double[] of(QueryPlan plan, List<Query> concepts, ScoreDoc[] top) {
    Integer[] byDoc = new Integer[top.length];
    Arrays.setAll(byDoc, i -> i);
    Arrays.sort(byDoc, (a, b) -> Integer.compare(top[a].doc, top[b].doc));
    IndexSearcher searcher = index.searcher();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int total = index.size();
    double[] covered = new double[top.length];
    double totalWeight = 0;
    try {
      for (int c = 0; c < concepts.size(); c++) {
        int df = estimatedCount(plan.concepts().get(c));
        if (df == 0) {
          continue; // a word no passage has cannot be covered, and says nothing about the hits
        }
        double weight = idf(df, total);
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
    } catch (IOException e) {
      throw new UncheckedIOException("searching the in-memory index failed", e);
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

  /**
   * How many passages contain the concept (in their text, heading or link words, as written or translated),
   * estimated from the index's term statistics without visiting a posting: a phrase occurs at most
   * as often as its rarest word, so 0 means surely none. Enough to weigh
   * concepts by rarity; {@link Library#countPassages} is exact but walks every match.
   */
  int estimatedCount(Concept concept) {
    int estimate = estimatedCount(concat(concept.variants(), concept.translations()));
    // A phrase translation is also searched as its words apart (kept under a key no variant has).
    for (String translation : ConceptQueries.translations(concept)) {
      estimate = Math.max(estimate, estimates.get(LOOSE_KEY + translation, key -> looseCount(translation)));
    }
    return Math.min(estimate, index.size());
  }

  /** The passages with the rarest word of {@code phrase} that occurs at all (0 for one word or none). */
  private int looseCount(String phrase) {
    return queries.looseWords(phrase).stream()
        .mapToInt(word -> index.docFreq(Analyzers.TEXT_BIGRAMS, word)).filter(df -> df > 0).min().orElse(0);
  }

  /** Like {@link #estimatedCount(Concept)}, for passages with any of {@code texts}. */
  int estimatedCount(List<String> texts) {
    int estimate = 0;
    for (String variant : texts) {
      estimate = Math.max(estimate, estimates.get(variant, this::estimatedCount));
    }
    return Math.min(estimate, index.size());
  }

  /** The passages that may contain {@code variant}: in the field where its rarest word is least rare. */
  private int estimatedCount(String variant) {
    int estimate = 0;
    List<String> beside = Scripts.hasHan(variant) ? List.of(Analyzers.HEADING) : List.of(Analyzers.HEADING, Analyzers.LINKS);
    for (String field : concat(ConceptQueries.fieldsFor(variant), beside)) {
      int rarest = Integer.MAX_VALUE;
      for (Analyzers.Token token : queries.tokens(field, variant)) {
        rarest = Math.min(rarest, index.docFreq(field, token.term()));
      }
      if (rarest != Integer.MAX_VALUE) {
        estimate = Math.max(estimate, rarest);
      }
    }
    return estimate;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
