package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.bench.SyntheticCorpus;
import dev.kubeconbot.content.ContentLoader;
import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.testing.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index build and reopen times (DESIGN §8, "large corpora"), measured, not asserted: run with
 * {@code ./mvnw -q -Pbenchmark test -Dtest=IndexBuildBenchmarkTest [-Dbench.articles=10000]}. Prints
 * content parsing, a serial and a parallel in-memory build, a first build on disk, a reopen of it,
 * and an update after one article changed; checks that the parallel build ranks as the serial one.
 */
@Tag("benchmark")
class IndexBuildBenchmarkTest {

  private static final int ARTICLES = Integer.getInteger("bench.articles", 10_000);

  @Test
  void buildReopenAndUpdate(@TempDir Path content, @TempDir Path index) throws Exception {
    SyntheticCorpus.write(content, ARTICLES, Seeds.library(), Seeds.calendar(), 42);
    Library.warmUp();
    long t0 = System.nanoTime();
    Corpus corpus = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES).load(List.of(content));
    long parsed = System.nanoTime();
    System.out.printf("Parsed %d articles, %d passages in %.1f s%n", corpus.articles().size(), corpus.passages().size(),
        (parsed - t0) / 1e9);
    int cores = Runtime.getRuntime().availableProcessors();
    double serial;
    double parallel;
    List<String> serialResults;
    t0 = System.nanoTime();
    try (PassageIndex one = PassageIndex.build(corpus, 1)) {
      serial = seconds(t0);
      serialResults = results(one);
    }
    t0 = System.nanoTime();
    try (PassageIndex all = PassageIndex.build(corpus, cores)) {
      parallel = seconds(t0);
      assertThat(results(all)).isEqualTo(serialResults);
    }
    System.out.printf("In-memory build: %.1f s on 1 thread, %.1f s on %d (%.2fx); same ranking%n", serial, parallel,
        cores, serial / parallel);
    Analyzer analyzer = Analyzers.perField();
    t0 = System.nanoTime();
    IndexStore.onDisk(index, corpus, analyzer, cores).reader().close();
    System.out.printf("First build on disk: %.1f s%n", seconds(t0));
    t0 = System.nanoTime();
    IndexStore.Opened reopened = IndexStore.onDisk(index, corpus, analyzer, cores);
    System.out.printf("Reopen on disk (hashes, checksums, doc map): %.2f s (%s)%n", seconds(t0), reopened.outcome());
    reopened.reader().close();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static List<String> results(PassageIndex index) {
    Library library = Library.of(index, Seeds.glossary(), Seeds.lexicon(), Seeds.shortForms(), Seeds.calendar());
    List<String> found = new ArrayList<>();
    for (Glossary.Topic topic : library.glossary().topics()) {
      library.search(library.plan(topic.name()), Match.RANKED, null, 10)
          .forEach(hit -> found.add(topic.name() + " " + hit.passage().id() + " " + hit.score()));
    }
    return found;
  }
}
