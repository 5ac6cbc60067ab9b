package dev.kubeconbot.search;

import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.content.Passage;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Semantic search beside the lexical one: passage vectors from the BGE small models, kept in a
 * {@link VectorCache} on disk and searched through a {@link VectorIndex}. {@link #attach} hands a
 * library its vectors in the background — a library answers lexically at once and hybrid from the
 * moment its vectors are complete — so start-up and reloads never wait on embedding. One per
 * process: it owns the cache folder and the embedding thread.
 */
public final class SemanticSearch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SemanticSearch.class);
  /** Progress is logged at most this often while a large corpus is embedded. */
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;
  /** Question vectors kept: a few MB. */
  static final int QUESTIONS_KEPT = 2_000;
  /** Runs of white space, which the models' tokenizers split on and drop like one space. */
  private static final Pattern SPACES = Pattern.compile("\\s+");
  /** Models loaded in this JVM: immutable and thread-safe, so every instance (and test) shares them. */
  private static final Map<VectorLang, Encoder> ONNX = new ConcurrentHashMap<>();

  /** How far a bulk embedding has got. */
  @FunctionalInterface
  public interface Progress {
    void embedded(int done, int total);
  }

  /**
   * How many question vectors are kept from now on, those kept so far forgotten: 0 embeds every
   * question afresh, as for a question never asked before (the benchmark measures both).
   */
  void keepQuestions(int max) {
    questionVectors.invalidateAll();
    questionVectors.policy().eviction().orElseThrow().setMaximum(max);
  }

  /** Counters for the metrics endpoint. */
  public record Stats(int queued, int cached, long computed, long queries, long queryNanos, boolean hybrid) {}

  private final Path folder;
  private final Function<VectorLang, Encoder> models;
  private final Map<VectorLang, Encoder> encoders = new ConcurrentHashMap<>();
  private final Map<VectorLang, VectorCache> caches = new EnumMap<>(VectorLang.class);
  private final ExecutorService background = Executors.newSingleThreadExecutor(
      Thread.ofPlatform().daemon().name("embedder").factory());
  /**
   * Questions are embedded here while their lexical search runs ({@link Nearby}): one thread per core,
   * since each embedding runs on one; a question none of them has picked up is embedded by its request.
   */
  private final ExecutorService lookups = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
      Thread.ofPlatform().daemon().name("question-embedder-", 1).factory());
  /**
   * Question vectors by model and question: the same question comes back (a user paging, another
   * asking it, the answer cache emptied by a reload) and costs an embedding each time. A vector
   * depends only on the model and the text, so the cache outlives reloads. About 2 KB each.
   */
  private final Cache<String, float[]> questionVectors = Caffeine.newBuilder().maximumSize(QUESTIONS_KEPT).build();
  /** The library attached last: an older one still embedding gives way to it. */
  private volatile Library latest;
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong computed = new AtomicLong();
  private final AtomicLong queries = new AtomicLong();
  private final AtomicLong queryNanos = new AtomicLong();

  /** Background work waits for this: a serving bot lets readiness come first, so embedding takes no CPU from it. */
  private final CompletableFuture<Void> started = new CompletableFuture<>();

  private SemanticSearch(Path folder, Function<VectorLang, Encoder> models) {
    this.folder = folder;
    this.models = models;
  }

  /**
   * Semantic search with vectors cached in {@code folder}; the models load on first need, in the
   * background, which waits for {@link #start}.
   */
  public static SemanticSearch open(Path folder) {
    return new SemanticSearch(folder, lang -> ONNX.computeIfAbsent(lang, l -> {
      long start = System.nanoTime();
      Encoder encoder = OnnxEncoder.load(l);
      LOG.info("embedding model {} loaded in {} ms", l.model(), (System.nanoTime() - start) / 1_000_000);
      return encoder;
    }));
  }

  /** With other encoders (tests: a fast stand-in for the models), started. */
  static SemanticSearch withEncoders(Path folder, Function<VectorLang, Encoder> models) {
    SemanticSearch semantic = new SemanticSearch(folder, models);
    semantic.start();
    return semantic;
  }

  /** Lets the background work begin: {@code serve} calls this once it is ready. */
  public void start() {
    started.complete(null);
  }

  /**
   * Starts giving {@code library} its vectors in the background (once {@link #start}ed) and returns
   * at once: the library answers lexically until they are complete. The future completes when the library is hybrid (or gave way
   * to a library attached after it).
   */
  public CompletableFuture<Library> attach(Library library) {
    latest = library;
    return CompletableFuture.supplyAsync(() -> {
      started.join();
      vectorize(library, 1, logProgress());
      return library;
    }, background).whenComplete((done, failure) -> {
      if (failure != null) {
        LOG.warn("semantic search is off for this content, answering lexically: {}", failure.toString());
      }
    });
  }

  /**
   * Embeds what {@code library} lacks on {@code threads} threads, reporting progress, and gives it its
   * vectors; returns when done. For {@code kubecon-bot index}, and for a container build.
   */
  public void index(Library library, int threads, Progress progress) {
    latest = library;
    vectorize(library, threads, progress);
  }

  public Stats stats() {
    int cached;
    synchronized (caches) {
      cached = caches.values().stream().mapToInt(VectorCache::size).sum();
    }
    Library current = latest;
    return new Stats(queued.get(), cached, computed.get(), queries.get(), queryNanos.get(),
        current != null && current.vectors() != null);
  }

  private void vectorize(Library library, int threads, Progress progress) {
    long start = System.nanoTime();
    Corpus corpus = library.corpus();
    List<Pending> missing = new ArrayList<>();
    List<Pending> all = new ArrayList<>();
    for (Passage passage : corpus.passages()) {
      VectorLang lang = VectorLang.ofArticle(passage.article().lang());
      if (lang != null) {
        Pending pending = new Pending(passage, lang, VectorCache.Key.of(passage.text()));
        all.add(pending);
        if (!cache(lang).contains(pending.key())) {
          missing.add(pending);
        }
      }
    }
    all.stream().map(Pending::lang).distinct().forEach(this::encoder);
    embed(library, missing, threads, progress);
    if (latest != library) {
      return; // a newer library has been attached: its own run builds its index
    }
    library.useVectors(vectorIndex(corpus, all));
    LOG.info("semantic search on: {} passages with vectors ({} embedded now) in {} ms", all.size(), missing.size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private record Pending(Passage passage, VectorLang lang, VectorCache.Key key) {}

  /** Embeds {@code missing} into the cache; stops early when a newer library has been attached. */
  private void embed(Library library, List<Pending> missing, int threads, Progress progress) {
    if (missing.isEmpty()) {
      return;
    }
    queued.addAndGet(missing.size());
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Callable<Void> work = () -> {
      for (int i = next.getAndIncrement(); i < missing.size() && latest == library; i = next.getAndIncrement()) {
        Pending pending = missing.get(i);
        cache(pending.lang()).put(pending.key(), encoder(pending.lang()).passage(pending.passage().text()));
        computed.incrementAndGet();
        queued.decrementAndGet();
        progress.embedded(finished.incrementAndGet(), missing.size());
      }
      return null;
    };
    try {
      if (threads <= 1) {
        work.call();
      } else {
        try (ExecutorService workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("embedder-", 1).factory())) {
          for (Future<Void> worker : workers.invokeAll(Collections.nCopies(threads, work))) {
            worker.get();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("embedding failed: " + e.getCause(), e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException("embedding failed: " + e, e);
    } finally {
      queued.addAndGet(finished.get() - missing.size());
    }
  }

  private static Progress logProgress() {
    long[] last = {System.nanoTime()};
    return (done, total) -> {
      long now = System.nanoTime();
      if (now - last[0] >= LOG_EVERY_NANOS && done < total) {
        last[0] = now;
        LOG.info("embedding passages for semantic search: {} of {} ({}%)", done, total, done * 100 / total);
      }
    };
  }

  /**
   * The vector index of {@code corpus}: reopened from the cache folder when a previous start built
   * it for exactly these passages, else built from the cached vectors (in memory when the folder is
   * read-only).
   */
  private VectorIndex vectorIndex(Corpus corpus, List<Pending> all) {
    Map<VectorLang, Encoder> byLang = new EnumMap<>(VectorLang.class);
    all.stream().map(Pending::lang).distinct().forEach(lang -> byLang.put(lang, forQuestions(encoder(lang))));
    Path dir = folder.resolve("index-" + fingerprint(all));
    try {
      if (!Files.isDirectory(dir)) {
        Path partial = Files.createTempDirectory(folder, "index-");
        readableByAll(partial);
        try (Directory directory = FSDirectory.open(partial)) {
          VectorIndex.write(directory, entries(all));
        }
        Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        removeOtherIndexes(dir);
      }
      return VectorIndex.open(FSDirectory.open(dir), corpus, byLang, lookups);
    } catch (IOException | UncheckedIOException e) {
      LOG.info("vector index kept in memory: {} cannot be written ({})", folder, e.toString());
      Directory memory = new ByteBuffersDirectory();
      VectorIndex.write(memory, entries(all));
      return VectorIndex.open(memory, corpus, byLang, lookups);
    }
  }

  /** An index built by a container build (as root) must be readable by the bot's own user. */
  private static void readableByAll(Path dir) throws IOException {
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its default permissions apply
    }
  }

  private Iterable<VectorIndex.Entry> entries(List<Pending> all) {
    return () -> new Iterator<>() {
      private final Iterator<Pending> pending = all.iterator();

      @Override
      public boolean hasNext() {
        return pending.hasNext();
      }

      @Override
      public VectorIndex.Entry next() {
        Pending next = pending.next();
        return new VectorIndex.Entry(next.passage(), next.lang(), cache(next.lang()).get(next.key()));
      }
    };
  }

  /** Indexes built for earlier content: the current one replaces them (open readers keep their files on Unix). */
  private void removeOtherIndexes(Path keep) {
    try (Stream<Path> old = Files.list(folder)) {
      old.filter(p -> p.getFileName().toString().startsWith("index-") && !p.equals(keep)).forEach(SemanticSearch::delete);
    } catch (IOException e) {
      LOG.debug("cannot list {}: {}", folder, e.toString());
    }
  }

  private static void delete(Path tree) {
    try (Stream<Path> files = Files.walk(tree)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      LOG.debug("cannot delete {}: {}", tree, e.toString());
    }
  }

  /** Names an index by everything that went into it: passage ids, languages, editions and texts. */
  private static String fingerprint(List<Pending> all) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      ByteBuffer entry = ByteBuffer.allocate(40);
      for (Pending pending : all) {
        entry.clear().putInt(pending.passage().id()).putInt(pending.lang().ordinal())
            .putInt(pending.passage().article().edition().year())
            .putLong(pending.key().high()).putLong(pending.key().low());
        digest.update(entry.flip());
        String region = pending.passage().article().edition().region();
        digest.update((region == null ? "-" : region).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private VectorCache cache(VectorLang lang) {
    synchronized (caches) {
      return caches.computeIfAbsent(lang, l -> VectorCache.open(folder, l.model(), l.dimension()));
    }
  }

  /** The model of {@code lang}, loaded on first need. */
  Encoder encoder(VectorLang lang) {
    return encoders.computeIfAbsent(lang, models);
  }

  /**
   * {@code encoder} with its question vectors cached (see {@link #questionVectors}); the embeddings
   * computed are counted and timed, for the metrics.
   */
  private Encoder forQuestions(Encoder encoder) {
    return new Encoder() {
      @Override
      public VectorLang lang() {
        return encoder.lang();
      }

      @Override
      public float[] passage(String text) {
        return encoder.passage(text);
      }

      @Override
      public float[] query(String text) {
        String normalised = SPACES.matcher(text).replaceAll(" ").strip();
        return questionVectors.get(encoder.lang().model() + "\n" + normalised, key -> embed(normalised));
      }

      private float[] embed(String question) {
        long start = System.nanoTime();
        try {
          return encoder.query(question);
        } finally {
          queryNanos.addAndGet(System.nanoTime() - start);
          queries.incrementAndGet();
        }
      }
    };
  }

  @Override
  public void close() {
    background.shutdownNow();
    lookups.shutdownNow();
    synchronized (caches) {
      caches.values().forEach(VectorCache::close);
      caches.clear();
    }
  }
}
