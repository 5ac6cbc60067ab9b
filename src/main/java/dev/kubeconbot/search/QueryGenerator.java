package dev.kubeconbot.search;

import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * How a plan's concept queries combine into the query that is run: one small strategy per way of
 * matching, chosen through {@link Match}, so that commands say what they want, not how to build it.
 */
interface QueryGenerator {

  /** The query for {@code concepts}, the plan's concept queries in plan order (never empty). */
  Query generate(List<Query> concepts);

  /** Every concept must occur. */
  final class AllConcepts implements QueryGenerator {
    @Override
    public Query generate(List<Query> concepts) {
      return combine(concepts, BooleanClause.Occur.MUST);
    }
  }

  /** Any concept may occur; passages with more and rarer ones score higher. */
  final class AnyConcept implements QueryGenerator {
    @Override
    public Query generate(List<Query> concepts) {
      return combine(concepts, BooleanClause.Occur.SHOULD);
    }
  }

  private static Query combine(List<Query> concepts, BooleanClause.Occur occur) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    concepts.forEach(c -> query.add(c, occur));
    return query.build();
  }
}
