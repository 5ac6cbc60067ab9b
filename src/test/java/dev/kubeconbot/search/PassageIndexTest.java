package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.testing.Seeds;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/** A search split among the cores finds what the plain search finds, in the same order. */
class PassageIndexTest {

  @Test
  void aSharedSearchFindsTheSameHits() {
    PassageIndex index = PassageIndex.build(Seeds.library().corpus(), 2);
    ConceptQueries queries = new ConceptQueries(index.analyzer(), index.searcher());
    List<Glossary.Topic> topics = Seeds.glossary().topics();
    for (int i = 0; i + 2 < topics.size(); i++) {
      BooleanQuery.Builder twoOfThree = new BooleanQuery.Builder().setMinimumNumberShouldMatch(2);
      topics.subList(i, i + 3).forEach(t -> twoOfThree.add(queries.of(Concept.of(t)), Occur.SHOULD));
      Query query = twoOfThree.build();
      for (int limit : List.of(1, 5, 60)) {
        assertThat(hits(index.topShared(query, limit))).as(query + " top " + limit).isEqualTo(hits(index.top(query, limit)));
      }
    }
  }

  private static List<String> hits(ScoreDoc[] top) {
    return Arrays.stream(top).map(hit -> hit.doc + ":" + hit.score).toList();
  }
}
