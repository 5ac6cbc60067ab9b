package dev.kubeconbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.content.ContentLoader;
import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.content.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import dev.kubeconbot.search.Glossary;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.testing.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Query latency and memory budgets (DESIGN §8), measured, not asserted: run with
 * {@code ./mvnw -q -Pbenchmark test}. Prints index build time, query p50/p99 over a mix of
 * commands on a 10,000-article corpus, and heap used by the seed library.
 */
@Tag("benchmark")
class QueryBenchmarkTest {

  private static final int ARTICLES = Integer.getInteger("bench.articles", 10_000);
  private static final int WARMUP = 3_000;
  private static final int MEASURED = 10_000;

  @Test
  void seedLibraryHeap() {
    System.gc();
    long before = usedHeap();
    Library library = Seeds.library();
    library.count(library.glossary().topics().getFirst());
    System.gc();
    long after = usedHeap();
    System.out.printf("Heap held by the seed library: %.1f MB (heap used now %.1f MB)%n",
        (after - before) / 1e6, after / 1e6);
    assertThat(library.corpus().articles()).hasSize(5);
  }

  @Test
  void queryLatencyOnALargeCorpus(@TempDir Path dir) throws Exception {
    SyntheticCorpus.write(dir, ARTICLES, Seeds.library(), Seeds.calendar(), 42);
    Library.warmUp();
    long start = System.nanoTime();
    Corpus corpus = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES).load(List.of(dir));
    long parsed = System.nanoTime();
    Library library = Library.of(corpus, Seeds.glossary(), Seeds.lexicon(), Seeds.shortForms(), Seeds.calendar());
    long built = System.nanoTime();
    Peer peer = new Peer(corpus);
    long peerBuilt = System.nanoTime();
    System.out.printf("Parsed %d articles, %d passages in %.1f s; indexed in %.1f s (all cores); "
        + "the peer (plain Lucene BM25) indexed them in %.1f s: build ratio %.1f%n", corpus.articles().size(),
        corpus.passages().size(), (parsed - start) / 1e9, (built - parsed) / 1e9, (peerBuilt - built) / 1e9,
        (double) (built - parsed) / (peerBuilt - built));
    AnswerEngine engine = new AnswerEngine(CommandRegistry.standard(), library);
    // Done once per library, before readiness in serve: every topic's matches (for /topic, /trend and
    // /trends), then, on the first /trends, every Latin word's passages per edition.
    long cold = System.nanoTime();
    library.count(library.glossary().topics().getFirst());
    long topics = System.nanoTime();
    engine.answer("/trends", Lang.EN);
    long first = System.nanoTime();
    System.out.printf("Topic matches of the glossary: %.0f ms; first /trends after them (word statistics): %.0f ms%n",
        (topics - cold) / 1e6, (first - topics) / 1e6);
    long warming = System.nanoTime();
    engine.warmUp(library);
    System.out.printf("Warm-up (every command's example, topic counts and trends): %.1f s%n",
        (System.nanoTime() - warming) / 1e9);
    List<String> queries = queries(library.glossary());
    Random random = new Random(7);
    for (int i = 0; i < WARMUP; i++) {
      engine.answer(queries.get(random.nextInt(queries.size())), Lang.EN);
    }
    for (int i = 0; i < WARMUP; i++) {
      peer.search(queries.get(random.nextInt(queries.size())));
    }
    long[] nanos = new long[MEASURED];
    long[] peerNanos = new long[MEASURED];
    // CPU time beside wall time: on a shared machine it is what a change saves, whatever the load.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = 0;
    long peerCpu = 0;
    Map<String, List<Long>> byCommand = new TreeMap<>();
    Map<String, List<Long>> byQuery = new java.util.HashMap<>();
    for (int i = 0; i < MEASURED; i++) {
      String query = queries.get(random.nextInt(queries.size()));
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      String command = engine.answer(query, Lang.EN).command();
      nanos[i] = System.nanoTime() - t0;
      long c1 = threads.getCurrentThreadCpuTime();
      long p0 = System.nanoTime();
      peer.search(query);
      peerNanos[i] = System.nanoTime() - p0;
      cpu += c1 - c0;
      peerCpu += threads.getCurrentThreadCpuTime() - c1;
      byCommand.computeIfAbsent(command, c -> new ArrayList<>()).add(nanos[i]);
      byQuery.computeIfAbsent(query, q -> new ArrayList<>()).add(nanos[i]);
    }
    report("all", nanos);
    report("peer", peerNanos);
    System.out.printf("bot/peer per query: p50 %.1f, mean %.1f%n", (double) nanos[MEASURED / 2] / peerNanos[MEASURED / 2],
        Arrays.stream(nanos).average().orElse(0) / Arrays.stream(peerNanos).average().orElse(1));
    System.out.printf("CPU time per query: bot %.2f ms, peer %.2f ms (ratio %.1f)%n", cpu / 1e6 / MEASURED,
        peerCpu / 1e6 / MEASURED, (double) cpu / peerCpu);
    byCommand.forEach((command, times) -> report(command, times.stream().mapToLong(Long::longValue).toArray()));
    System.out.println("Slowest queries (median of their runs):");
    Map<String, Long> medians = new TreeMap<>();
    byQuery.forEach((query, times) -> medians.put(query, times.stream().sorted().toList().get(times.size() / 2)));
    medians.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
        .forEach(e -> System.out.printf("  %7.2f ms  %s%n", e.getValue() / 1e6, e.getKey()));
    System.gc();
    System.out.printf("Heap used with the large library: %.0f MB%n", usedHeap() / 1e6);
    assertThat(library.corpus().articles()).hasSize(ARTICLES);
  }

  private static void report(String what, long[] nanos) {
    Arrays.sort(nanos);
    int n = nanos.length;
    System.out.printf("Query latency, %-9s %5d queries: p50 %6.2f ms, p90 %6.2f ms, p99 %7.2f ms, max %7.2f ms%n",
        what, n, nanos[n / 2] / 1e6, nanos[n * 9 / 10] / 1e6, nanos[n * 99 / 100] / 1e6, nanos[n - 1] / 1e6);
  }

  /** A mix like real use: topics by several names, questions in both languages, takeaways, trend, trends. */
  private static List<String> queries(Glossary glossary) {
    List<String> queries = new ArrayList<>();
    for (Glossary.Topic topic : glossary.topics()) {
      queries.add("/topic " + topic.name());
      topic.names().stream().skip(1).findFirst().ifPresent(alias -> queries.add("/topic " + alias));
      queries.add("What was said about " + topic.name() + "?");
    }
    for (int year = 2015; year <= 2026; year++) {
      queries.add("/takeaways " + year);
    }
    for (int year = 2016; year <= 2025; year += 3) {
      queries.add("/trends " + year);
      queries.add("/trends EU " + year);
    }
    queries.addAll(List.of("/trends", "/trends NA 2023 vs EU 2019", "/trends China 2024", "热点 2022"));
    queries.addAll(List.of("/trend wasm", "/trend observability", "谁宣布了服务网格接口？", "Go 内存中的锁争用",
        "15，000 个节点的集群", "为什么组织经常运行过时的 Kubernetes 版本？"));
    return queries;
  }

  /**
   * What a naive bot would do, for scale: Lucene's StandardAnalyzer and BM25, one document per passage,
   * the query's words (without its command word) as optional terms, the top 10.
   */
  private static final class Peer {
    private final StandardAnalyzer analyzer = new StandardAnalyzer();
    private final IndexSearcher searcher;

    Peer(Corpus corpus) throws IOException {
      ByteBuffersDirectory directory = new ByteBuffersDirectory();
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
        for (Passage passage : corpus.passages()) {
          Document doc = new Document();
          doc.add(new TextField("text", passage.text(), Field.Store.NO));
          writer.addDocument(doc);
        }
      }
      searcher = new IndexSearcher(DirectoryReader.open(directory));
    }

    void search(String query) {
      Query parsed = new QueryBuilder(analyzer).createBooleanQuery("text", query.replaceFirst("^/\\S+\\s*", ""));
      if (parsed == null) {
        return;
      }
      try {
        searcher.search(parsed, 10);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
