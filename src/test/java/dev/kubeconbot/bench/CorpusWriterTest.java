package dev.kubeconbot.bench;

import static org.assertj.core.api.Assumptions.assumeThat;

import dev.kubeconbot.testing.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Writes the synthetic corpus for the start-up, memory and reload benchmarks of {@code bench/}, which
 * run the jar on it: {@code ./mvnw -q -Pbenchmark test -Dtest=CorpusWriterTest -Dbench.articles=10000
 * -Dbench.corpus.dir=/tmp/corpus-10k}. Does nothing without {@code bench.corpus.dir}.
 */
@Tag("benchmark")
class CorpusWriterTest {

  @Test
  void writesTheCorpusIntoTheGivenFolder() throws Exception {
    String dir = System.getProperty("bench.corpus.dir");
    assumeThat(dir).as("-Dbench.corpus.dir").isNotBlank();
    Path folder = Files.createDirectories(Path.of(dir));
    int articles = Integer.getInteger("bench.articles", 10_000);
    SyntheticCorpus.write(folder, articles, Seeds.library(), Seeds.calendar(), Long.getLong("bench.seed", 42));
    System.out.printf("Wrote %d articles into %s%n", articles, folder);
  }
}
