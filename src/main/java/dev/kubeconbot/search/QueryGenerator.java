package dev.kubeconbot.search;

import dev.kubeconbot.content.Scripts;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;

/**
 * How a plan's concepts combine into the query that is run: one small strategy per way of matching,
 * chosen through {@link Match}, so that commands say what they want, not how to build it.
 */
interface QueryGenerator {

  /**
   * The query for {@code plan} (never empty), needing at least {@code required} of its concepts
   * where the strategy lets concepts be optional.
   */
  Query generate(QueryPlan plan, ConceptQueries queries, int required);

  /** How many concepts a passage must contain at first; a search that finds nothing may ask for fewer. */
  int required(int concepts);

  /** How many things {@code plan} asks for, as {@link #required} counts them. */
  default int concepts(QueryPlan plan) {
    return plan.concepts().size();
  }

  /** Every concept must occur, in the passage text or its heading. */
  final class AllConcepts implements QueryGenerator {
    @Override
    public Query generate(QueryPlan plan, ConceptQueries queries, int required) {
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      plan.concepts().forEach(c -> query.add(queries.of(c), BooleanClause.Occur.MUST));
      return query.build();
    }

    @Override
    public int required(int concepts) {
      return concepts;
    }
  }

  /**
   * Every concept is optional, but a passage must contain a share of them that grows with their
   * number (one of two, two of three or four, half of more). Ranked by BM25 over the passage text,
   * its heading and, weighing less, the article title; words of the question that stand close
   * together in a passage count extra.
   */
  final class Ranked implements QueryGenerator {
    /** Moves allowed between two neighbouring words of the question for the proximity bonus. */
    private static final int SLOP = 4;
    private static final float PROXIMITY_WEIGHT = 0.5f;
    /** A figure in a passage is worth about one common word of the question. */
    private static final float FIGURE_WEIGHT = 1f;

    @Override
    public Query generate(QueryPlan plan, ConceptQueries queries, int required) {
      BooleanQuery.Builder concepts = new BooleanQuery.Builder().setMinimumNumberShouldMatch(required);
      plan.concepts().forEach(c -> concepts.add(queries.of(c), BooleanClause.Occur.SHOULD));
      if (plan.asksHowMany()) {
        // Counts as one thing asked for: "how many developers" wants a figure and developers.
        concepts.add(new BoostQuery(new ConstantScoreQuery(IndexSchema.figures()), FIGURE_WEIGHT), BooleanClause.Occur.SHOULD);
      }
      BooleanQuery.Builder query = new BooleanQuery.Builder().add(concepts.build(), BooleanClause.Occur.MUST);
      plan.concepts().forEach(c -> query.add(queries.inTitle(c), BooleanClause.Occur.SHOULD));
      // What the kind of question hints at ranks, but is never required: outside the share above.
      plan.hints().forEach(h -> query.add(queries.of(h), BooleanClause.Occur.SHOULD));
      List<Concept> all = plan.concepts();
      for (int i = 1; i < all.size(); i++) {
        Concept left = all.get(i - 1);
        Concept right = all.get(i);
        if (left.topic() == null && right.topic() == null && isLatin(left) && isLatin(right)) {
          queries.phrase(Analyzers.TEXT_BIGRAMS, left.label() + " " + right.label(), SLOP)
              .ifPresent(near -> query.add(new BoostQuery(near, PROXIMITY_WEIGHT), BooleanClause.Occur.SHOULD));
        }
      }
      return query.build();
    }

    @Override
    public int required(int concepts) {
      return concepts <= 2 ? concepts : concepts <= 4 ? 2 : (concepts + 1) / 2;
    }

    @Override
    public int concepts(QueryPlan plan) {
      return plan.concepts().size() + (plan.asksHowMany() ? 1 : 0);
    }

    /** Chinese words already stand close together in their bigrams; the bonus is for English words. */
    private static boolean isLatin(Concept concept) {
      return !Scripts.hasHan(concept.label());
    }
  }
}
