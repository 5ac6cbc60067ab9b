package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeconbot.bench.SyntheticCorpus;
import dev.kubeconbot.content.ContentLoader;
import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A glossary topic's kept matches rank exactly as its query: alone, required beside optional
 * clauses, and among other optional concepts with a minimum to match, where the top hits are
 * collected with skipping.
 */
class ScoredMatchesTest {

  private static PassageIndex index;
  private static ConceptQueries queries;

  @BeforeAll
  static void index(@TempDir Path dir) throws Exception {
    SyntheticCorpus.write(dir, 120, Seeds.library(), Seeds.calendar(), 3);
    Corpus corpus = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES).load(List.of(dir));
    // Two indexing threads: more than one segment, so the matches are replayed per leaf.
    index = PassageIndex.build(corpus, 2);
    queries = new ConceptQueries(index.analyzer(), index.searcher());
  }

  /** The topic's query as it is built for a word: run by Lucene each time. */
  private static Query original(Glossary.Topic topic) {
    return queries.of(new Concept(topic.label(), topic.names(), List.of(), null, 1f));
  }

  private static Query kept(Glossary.Topic topic) {
    return queries.of(Concept.of(topic));
  }

  private static List<String> ranking(Query query, int limit) {
    return Arrays.stream(index.top(query, limit)).map(ScoringDoc::of).map(ScoringDoc::toString).toList();
  }

  private record ScoringDoc(int doc, float score) {
    static ScoringDoc of(ScoreDoc hit) {
      return new ScoringDoc(hit.doc, hit.score);
    }
  }

  @Test
  void aTopicsKeptMatchesAreItsMatchesWithTheirScores() {
    assertThat(index.searcher().getIndexReader().leaves()).hasSizeGreaterThan(1);
    for (Glossary.Topic topic : Seeds.glossary().topics()) {
      assertThat(kept(topic)).isInstanceOf(ScoredMatches.class);
      assertThat(index.count(kept(topic))).as(topic.name()).isEqualTo(index.count(original(topic)));
      assertThat(ranking(kept(topic), 5_000)).as(topic.name()).isEqualTo(ranking(original(topic), 5_000));
      assertThat(ranking(kept(topic), 3)).as(topic.name()).isEqualTo(ranking(original(topic), 3));
    }
  }

  @Test
  void combinedWithOtherClausesTheyRankAsTheQueryWould() {
    Query word = new TermQuery(new Term(Analyzers.TEXT_BIGRAMS, "社区"));
    List<Glossary.Topic> topics = Seeds.glossary().topics();
    for (int i = 0; i + 1 < topics.size(); i += 3) {
      Glossary.Topic one = topics.get(i);
      Glossary.Topic other = topics.get(i + 1);
      for (int limit : List.of(1, 20)) {
        assertThat(ranking(required(kept(one), kept(other), word), limit))
            .as(one.name() + " required, " + other.name() + " optional")
            .isEqualTo(ranking(required(original(one), original(other), word), limit));
        assertThat(ranking(twoOf(kept(one), kept(other), word), limit))
            .as("two of " + one.name() + ", " + other.name())
            .isEqualTo(ranking(twoOf(original(one), original(other), word), limit));
      }
    }
  }

  private static Query required(Query first, Query second, Query third) {
    return new BooleanQuery.Builder().add(first, Occur.MUST).add(second, Occur.SHOULD).add(third, Occur.SHOULD).build();
  }

  private static Query twoOf(Query first, Query second, Query third) {
    return new BooleanQuery.Builder().setMinimumNumberShouldMatch(2)
        .add(first, Occur.SHOULD).add(second, Occur.SHOULD).add(third, Occur.SHOULD).build();
  }

  @Test
  void savedAndReadBackTheyRankAsTheQueryWould() throws IOException {
    int maxDoc = index.searcher().getIndexReader().maxDoc();
    for (Glossary.Topic topic : Seeds.glossary().topics()) {
      ScoredMatches read = ScoredMatches.read(written((ScoredMatches) kept(topic)), maxDoc);
      assertThat(read.name()).isEqualTo(((ScoredMatches) kept(topic)).name());
      assertThat(ranking(read, 5_000)).as(topic.name()).isEqualTo(ranking(original(topic), 5_000));
      assertThat(ranking(read, 3)).as(topic.name()).isEqualTo(ranking(original(topic), 3));
    }
  }

  @Test
  void savedMatchesThatCannotBeOfThisIndexAreRefused() throws IOException {
    Glossary.Topic common = Seeds.glossary().topic("kubernetes").orElseThrow();
    ScoredMatches matches = (ScoredMatches) kept(common);
    assertThat(matches.size()).isGreaterThan(1);
    byte[] bytes = written(matches).readAllBytes();
    assertThatThrownBy(() -> ScoredMatches.read(stream(bytes), index.searcher().getIndexReader().maxDoc() / 2))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> ScoredMatches.read(stream(Arrays.copyOf(bytes, bytes.length - 3)),
        index.searcher().getIndexReader().maxDoc())).isInstanceOf(EOFException.class);
  }

  @Test
  void restoredMatchesAreUsedOnlyForTheQueryTheyWereComputedFor() throws IOException {
    List<Glossary.Topic> topics = Seeds.glossary().topics();
    Glossary.Topic one = topics.get(0);
    Glossary.Topic other = topics.get(1);
    int maxDoc = index.searcher().getIndexReader().maxDoc();
    ConceptQueries restarted = new ConceptQueries(index.analyzer(), index.searcher());
    ScoredMatches saved = ScoredMatches.read(written((ScoredMatches) kept(one)), maxDoc);
    ScoredMatches misfiled = ScoredMatches.read(written((ScoredMatches) kept(other)), maxDoc);
    restarted.restore(Map.of(new ConceptQueries.TopicKey(one, false), saved,
        new ConceptQueries.TopicKey(other, true), misfiled));
    assertThat(restarted.of(Concept.of(one))).isSameAs(saved);
    Query otherInTitle = restarted.inTitle(Concept.of(other));
    assertThat(otherInTitle).isNotSameAs(misfiled);
    assertThat(ranking(otherInTitle, 5_000)).isEqualTo(ranking(queries.inTitle(Concept.of(other)), 5_000));
  }

  private static DataInputStream written(ScoredMatches matches) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      matches.write(out);
    }
    return stream(bytes.toByteArray());
  }

  private static DataInputStream stream(byte[] bytes) {
    return new DataInputStream(new ByteArrayInputStream(bytes));
  }
}
