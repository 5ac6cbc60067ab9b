package dev.kubeconbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.search.Glossary;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.search.TestVectors;
import dev.kubeconbot.testing.Seeds;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Semantic search, measured, not asserted ({@code ./mvnw -q -Pbenchmark test -Dtest=SemanticBenchmarkTest}):
 * embedding throughput of the real models on this machine's cores, and {@code /ask} latency lexical
 * against hybrid on the 10,000-article synthetic corpus with every vector cached. Embedding 120,000
 * passages would take hours on two cores, so the large corpus's vectors are synthetic: each is the
 * normalised sum of the real vectors of two seed passages plus noise, computed once; the questions are
 * embedded by the real model (afresh for each, or from the question-vector cache), searched in Lucene's
 * HNSW graph of all 120,000, and fused.
 */
@Tag("benchmark")
class SemanticBenchmarkTest {

  private static final int ARTICLES = Integer.getInteger("bench.articles", 10_000);
  private static final int EMBEDDED = Integer.getInteger("bench.embedded", 200);
  private static final int WARMUP = 300;
  private static final int MEASURED = 2_000;

  @Test
  void embeddingThroughput(@TempDir Path dir) throws Exception {
    SyntheticCorpus.write(dir, Math.max(1, EMBEDDED / 10), Seeds.library(), Seeds.calendar(), 11);
    Library library = Library.load(Seeds.CONFIG, List.of(dir));
    TestVectors.loadModels(library); // not part of the throughput
    int threads = Runtime.getRuntime().availableProcessors();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    int embedded = TestVectors.embedUncached(library, dir.resolve("vectors"), threads);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    System.out.printf("Embedding: %d passages (avg %d chars) on %d threads in %.1f s: %.1f passages/s, %.1f per CPU-second"
            + " (load average %.1f)%n", embedded, library.corpus().passages().stream().mapToInt(p -> p.text().length()).sum()
            / Math.max(1, library.corpus().passages().size()), threads, seconds, embedded / seconds, embedded / cpu,
        os.getSystemLoadAverage());
    assertThat(embedded).isPositive();
  }

  @Test
  void askLatencyLexicalAgainstHybrid(@TempDir Path dir) throws Exception {
    SyntheticCorpus.write(dir, ARTICLES, Seeds.library(), Seeds.calendar(), 42);
    Library library = Library.load(Seeds.CONFIG, List.of(dir));
    long t0 = System.nanoTime();
    TestVectors.syntheticHybrid(library, Seeds.library(), dir.resolve("vectors"), 5);
    System.out.printf("Synthetic vectors for %d passages cached and their HNSW index built in %.1f s%n",
        library.corpus().passages().size(), (System.nanoTime() - t0) / 1e9);
    AnswerEngine engine = new AnswerEngine(CommandRegistry.standard(), library);
    List<String> questions = questions(library.glossary());
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    // "hybrid" embeds every question afresh, as a question never asked before; "cached" keeps question
    // vectors as the bot does, so a question asked again costs only its searches.
    for (String mode : List.of("lexical", "hybrid", "cached", "lexical", "hybrid", "cached")) {
      TestVectors.rank(library, mode.equals("lexical") ? TestVectors.Mode.LEXICAL : TestVectors.Mode.HYBRID);
      TestVectors.cacheQuestions(mode.equals("cached"));
      Random random = new Random(7);
      for (int i = 0; i < WARMUP; i++) {
        engine.answer(questions.get(random.nextInt(questions.size())), Lang.ZH_CN);
      }
      long[] nanos = new long[MEASURED];
      long cpu0 = os.getProcessCpuTime();
      for (int i = 0; i < MEASURED; i++) {
        String question = questions.get(random.nextInt(questions.size()));
        long start = System.nanoTime();
        engine.answer(question, Lang.ZH_CN);
        nanos[i] = System.nanoTime() - start;
      }
      double cpuPerQuestion = (os.getProcessCpuTime() - cpu0) / 1e6 / MEASURED;
      Arrays.sort(nanos);
      System.out.printf("/ask %-7s %d questions on %d passages: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms; CPU %.2f ms a question,"
              + " all threads (load average %.1f)%n",
          mode, MEASURED, library.corpus().passages().size(), nanos[MEASURED / 2] / 1e6, nanos[MEASURED * 9 / 10] / 1e6,
          nanos[MEASURED * 99 / 100] / 1e6, cpuPerQuestion, os.getSystemLoadAverage());
    }
    assertThat(library.hybrid()).isTrue();
  }

  /** Chinese questions (the synthetic corpus is Chinese, so English ones would never reach the model). */
  private static List<String> questions(Glossary glossary) {
    List<String> questions = new ArrayList<>();
    for (Glossary.Topic topic : glossary.topics()) {
      topic.names().stream().filter(n -> n.codePoints().anyMatch(Character::isIdeographic)).findFirst()
          .ifPresent(name -> questions.add("大家怎么看" + name + "？"));
    }
    questions.addAll(List.of("谁宣布了服务网格接口？", "Go 内存中的锁争用", "15，000 个节点的集群",
        "为什么组织经常运行过时的 Kubernetes 版本？", "疫情对大会有什么影响", "开发者体验为什么重要"));
    return questions;
  }
}
