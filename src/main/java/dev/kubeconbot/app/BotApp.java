package dev.kubeconbot.app;

import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.config.BotConfig;
import dev.kubeconbot.content.ContentException;
import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.http.HttpApi;
import dev.kubeconbot.http.ServiceStatus;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.service.AnswerService;
import dev.kubeconbot.service.AnswersWhenReady;
import dev.kubeconbot.service.FrontEnd;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: HTTP endpoints, the index and the front ends, with readiness and a graceful stop.
 * {@link #start} opens HTTP first (alive, not ready) and starts the front ends connecting while the index
 * builds (a request that reaches them before it is built waits for it, see {@link AnswersWhenReady});
 * {@link #stop} turns readiness off first, lets answers under way finish within the shutdown grace,
 * closes the front ends and then HTTP.
 */
public final class BotApp implements ServiceStatus {

  private static final Logger LOG = LoggerFactory.getLogger(BotApp.class);

  /** Builds the answer engine (loads and indexes the content); tests hold it back to watch readiness. */
  @FunctionalInterface
  public interface EngineLoader {
    AnswerEngine load() throws ContentException;
  }

  /** Loads and indexes the content again, for a reload. */
  @FunctionalInterface
  public interface LibraryLoader {
    Library load() throws ContentException;
  }

  /**
   * Creates the front ends that talk to users, e.g. the Discord bot; called only when a token is set,
   * before the index is built: {@code answers} is ready once it is.
   */
  @FunctionalInterface
  public interface FrontEndFactory {
    List<FrontEnd> create(BotConfig config, AnswersWhenReady answers, MeterRegistry registry);
  }

  private final BotConfig config;
  private final PrometheusMeterRegistry registry;
  private final EngineLoader engineLoader;
  private final FrontEndFactory frontEndFactory;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private volatile HttpApi http;
  private volatile JvmMetrics jvmMetrics;
  private volatile AnswerService answers;
  /** {@link #answers} for the front ends, which start before it is set. */
  private final AnswersWhenReady whenReady = AnswersWhenReady.pending();
  /** The same answers with the HTTP clients' rate limit. */
  private volatile AnswerService httpAnswers;
  /** Front ends that started; read by readiness checks while start adds to it. */
  private final List<FrontEnd> frontEnds = new CopyOnWriteArrayList<>();
  /** How long a replaced library stays open for answers that started on it. */
  private static final Duration RETIRE_AFTER = Duration.ofSeconds(30);
  /** How long the content folders must stay unchanged before a reload starts. */
  private static final Duration RELOAD_QUIET = Duration.ofMillis(500);

  private List<Path> watchedFolders = List.of();
  private LibraryLoader reloader;
  private volatile ContentWatcher watcher;
  private static final String RELOADS = "kubecon.bot.content.reloads";
  /** Set when the content has no articles (at start-up, and until a reload brings some): not ready. */
  private volatile String noArticles;
  /** Why the last reload was refused, while the previous content is served; cleared by a good reload. */
  private volatile String reloadFailure;
  /** Why a front end could not start; readiness never turns 200 after that. */
  private volatile String startFailure;
  /** Orders start and stop: front ends are never started once stopping has begun. */
  private final Object lifecycle = new Object();

  /** The registry for a {@link BotApp}, with the metric naming conventions set before any meter registers. */
  public static PrometheusMeterRegistry newRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    JvmMetrics.nameByConvention(registry);
    return registry;
  }

  public BotApp(BotConfig config, PrometheusMeterRegistry registry, EngineLoader engineLoader,
      FrontEndFactory frontEndFactory) {
    this.config = config;
    this.registry = registry;
    this.engineLoader = engineLoader;
    this.frontEndFactory = frontEndFactory;
    Gauge.builder("kubecon.bot.content.reload.failing", this, app -> app.reloadFailure == null ? 0 : 1)
        .description("1 while the last content reload was refused and the previous content is served")
        .register(registry);
  }

  /**
   * {@link #listen}, then {@link #serve}: what {@code serve} runs. The content loads and indexes on
   * its own thread from the start, while HTTP and the JVM metrics set up on this one.
   */
  public void start() throws Exception {
    CompletableFuture<AnswerEngine> engine = loadInBackground();
    listen();
    serve(engine);
  }

  /**
   * Opens the HTTP endpoints: alive at once, not ready yet.
   *
   * @throws IOException if the HTTP port cannot be opened
   */
  public void listen() throws IOException {
    http = HttpApi.start(config.http(), this, registry);
    LOG.info("HTTP on {}:{}: /healthz /readyz /metrics /api/ask?q=…", config.http().host(), address().getPort());
  }

  /**
   * Starts the front ends connecting, then waits for the index; returns once it is built. Readiness
   * follows when the front ends report ready.
   *
   * @throws ContentException if the content cannot be loaded
   * @throws Exception if a front end fails to start
   */
  public void serve() throws Exception {
    serve(loadInBackground());
  }

  private void serve(CompletableFuture<AnswerEngine> loading) throws Exception {
    // Logging in to Discord takes about a second: it overlaps the index build instead of following it.
    startFrontEnds();
    AnswerService service;
    try {
      service = AnswerService.of(await(loading), config, registry);
    } catch (Exception | Error e) {
      whenReady.failed(e);
      throw e;
    }
    Corpus loaded = service.engine().library().corpus();
    if (loaded.articles().isEmpty()) {
      // Serving nothing is not being ready: the Service keeps sending users to replicas that can
      // answer, and a reload that brings articles makes this one ready.
      noArticles = "content: no articles loaded (" + loaded.skipped().size() + " files skipped)";
      LOG.warn("{}; not ready until a reload brings some", noArticles);
    }
    synchronized (lifecycle) {
      if (stopping.get()) {
        return;
      }
      answers = service;
      httpAnswers = service.withRateLimit(config.http().rateLimit());
      watchContent();
    }
    whenReady.ready(service);
    // Only now: binding the JVM's meters is a tenth of a second of CPU that start-up on two cores
    // needs for the index. Until then /metrics has the bot's own meters.
    bindJvmMetrics();
    LOG.info("started {} ms after the JVM{}", ManagementFactory.getRuntimeMXBean().getUptime(),
        notReadyReason().map(reason -> "; not ready yet: " + reason).orElse("; ready"));
  }

  private void bindJvmMetrics() {
    synchronized (lifecycle) {
      if (!stopping.get()) {
        jvmMetrics = JvmMetrics.bindTo(registry);
      }
    }
  }

  /** Creates and starts the front ends, when Discord is enabled; they answer once {@link #whenReady} is. */
  private void startFrontEnds() throws Exception {
    synchronized (lifecycle) {
      if (stopping.get()) {
        return;
      }
      if (!config.discord().enabled()) {
        LOG.info("local mode: DISCORD_TOKEN is not set, so answering over HTTP only "
            + "(try http://localhost:{}/api/ask?q=/topic%20wasm); set DISCORD_TOKEN to connect to Discord",
            address().getPort());
        return;
      }
      for (FrontEnd frontEnd : frontEndFactory.create(config, whenReady, registry)) {
        try {
          frontEnd.start();
        } catch (Exception e) {
          startFailure = frontEnd.name() + ": failed to start (" + e.getClass().getSimpleName() + ")";
          throw e;
        }
        frontEnds.add(frontEnd);
      }
    }
  }

  /**
   * Reloads the content whenever a file under {@code folders} changes: a new library is built in the
   * background while answers keep coming from the old one, then swapped in whole. A reload that fails
   * (say, the folder is gone) keeps the old library. Call before or after {@link #serve}.
   */
  public void reloadOnChange(List<Path> folders, LibraryLoader loader) {
    synchronized (lifecycle) {
      watchedFolders = List.copyOf(folders);
      reloader = loader;
      if (answers != null) {
        watchContent();
      }
    }
  }

  /** Starts the watcher, if a reload was asked for and the first index is built; holds {@link #lifecycle}. */
  private void watchContent() {
    if (reloader == null || watcher != null || stopping.get()) {
      return;
    }
    try {
      watcher = new ContentWatcher(watchedFolders, RELOAD_QUIET, this::reload);
    } catch (IOException e) {
      LOG.warn("content will not reload on change: cannot watch {}: {}", watchedFolders, e.getMessage());
    }
  }

  /**
   * Builds the new library and swaps it in, unless it would leave the bot blank: an emptied folder,
   * or one where every file is bad, is refused like a folder that cannot be read, and the previous
   * content stays.
   */
  private void reload() {
    long start = System.nanoTime();
    try {
      Library next = reloader.load();
      Corpus corpus = next.corpus();
      if (corpus.articles().isEmpty()) {
        next.close();
        refuseReload("it has no articles (" + corpus.skipped().size() + " files skipped)");
        return;
      }
      retire(answers.swap(next));
      noArticles = null;
      reloadFailure = null;
      registry.counter(RELOADS, "outcome", "success").increment();
      LOG.info("content reloaded in {} ms: {} articles, {} passages, {} files skipped",
          (System.nanoTime() - start) / 1_000_000, corpus.articles().size(), corpus.passages().size(),
          corpus.skipped().size());
    } catch (ContentException | RuntimeException e) {
      refuseReload(e.getMessage());
    }
  }

  private void refuseReload(String why) {
    reloadFailure = "last reload failed: " + why;
    registry.counter(RELOADS, "outcome", "failed").increment();
    LOG.warn("content reload refused, still answering from the previous content: {}", why);
  }

  /**
   * Closes a replaced library (its index files) once answers that started on it have finished: they
   * take milliseconds, the wait is generous. Until then its files stay open, on disk or in memory.
   */
  private static void retire(Library replaced) {
    Thread.ofVirtual().name("retire-library").start(() -> {
      try {
        Thread.sleep(RETIRE_AFTER);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      replaced.close();
    });
  }

  /**
   * Loads the content and warms the engine (see {@link AnswerEngine#warmUp}) on a thread of its own:
   * readiness means the first answers come as fast as the later ones.
   */
  private CompletableFuture<AnswerEngine> loadInBackground() {
    CompletableFuture<AnswerEngine> loaded = new CompletableFuture<>();
    Thread.ofPlatform().name("index").start(() -> {
      try {
        AnswerEngine engine = engineLoader.load();
        Corpus corpus = engine.library().corpus();
        LOG.info("index built: {} articles, {} passages, {} files skipped", corpus.articles().size(),
            corpus.passages().size(), corpus.skipped().size());
        long start = System.nanoTime();
        engine.warmUp(engine.library());
        LOG.info("warmed up in {} ms: every command answered its example once", (System.nanoTime() - start) / 1_000_000);
        loaded.complete(engine);
      } catch (Throwable e) {
        loaded.completeExceptionally(e);
      }
    });
    return loaded;
  }

  /** The loaded engine, or what its loading threw. */
  private static AnswerEngine await(CompletableFuture<AnswerEngine> loading) throws Exception {
    try {
      return loading.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** Where HTTP listens (the real port when the configured one was 0). */
  public InetSocketAddress address() {
    return http.address();
  }

  @Override
  public boolean alive() {
    return !stopping.get();
  }

  @Override
  public Optional<String> notReadyReason() {
    if (stopping.get()) {
      return Optional.of("shutting down");
    }
    if (startFailure != null) {
      return Optional.of(startFailure);
    }
    if (answers == null) {
      return Optional.of("index building");
    }
    if (noArticles != null) {
      return Optional.of(noArticles);
    }
    return firstOfFrontEnds(FrontEnd::notReadyReason);
  }

  /**
   * A front end that could not start (a rejected token: {@code serve} then exits 1), or the first
   * that failed for good while running, by name: e.g. "discord: shard 0: the gateway closed with 4004 …".
   */
  @Override
  public Optional<String> failure() {
    if (startFailure != null) {
      return Optional.of(startFailure);
    }
    return firstOfFrontEnds(FrontEnd::failure);
  }

  /** The first front end's {@code reason} there is, prefixed with its name. */
  private Optional<String> firstOfFrontEnds(Function<FrontEnd, Optional<String>> reason) {
    return frontEnds.stream()
        .flatMap(frontEnd -> reason.apply(frontEnd).map(r -> frontEnd.name() + ": " + r).stream())
        .findFirst();
  }

  @Override
  public Optional<String> contentWarning() {
    return Optional.ofNullable(reloadFailure);
  }

  /** Also while stopping: requests already received are answered, not refused (see {@link #stop}). */
  @Override
  public Optional<AnswerService> answers() {
    return Optional.ofNullable(httpAnswers);
  }

  /**
   * Stops gracefully within the configured shutdown grace: readiness and liveness turn 503 at once,
   * HTTP answers the connections already waiting to be accepted, stops accepting and answers every
   * request already received, the front ends
   * finish what is under way, then all close. The JVM shutdown hook calls this; a
   * second call waits for the first.
   */
  public void stop() {
    boolean first;
    synchronized (lifecycle) {
      first = stopping.compareAndSet(false, true);
    }
    if (!first) {
      awaitStopped();
      return;
    }
    Instant deadline = Instant.now().plus(config.shutdownGrace());
    // Requests waiting for an index that is still building give up now, rather than hold up the close.
    whenReady.failed(new IllegalStateException("shutting down"));
    LOG.info("shutting down: not ready from now on; finishing answers under way (grace {} ms)",
        config.shutdownGrace().toMillis());
    try {
      if (watcher != null) {
        watcher.close();
      }
      // HTTP drains its accept backlog, stops accepting and finishes its requests while the front
      // ends close, all within the grace. A platform thread: the drain keeps time on the wall clock,
      // and a virtual thread would queue for a carrier behind the very requests it waits for.
      Thread draining = Thread.ofPlatform().name("stop-http").start(() -> {
        if (http != null) {
          http.stop(deadline);
        }
      });
      closeFrontEnds(deadline);
      try {
        draining.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (jvmMetrics != null) {
        jvmMetrics.close();
      }
      LOG.info("stopped");
    } finally {
      stopped.countDown();
    }
  }

  /** Blocks until {@link #stop} has finished. */
  public void awaitStopped() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the front ends side by side, each in its own thread, giving up on any still closing at the deadline. */
  private void closeFrontEnds(Instant deadline) {
    List<Thread> closing = frontEnds.stream()
        .map(frontEnd -> Thread.ofVirtual().name("close-" + frontEnd.name()).start(() -> close(frontEnd)))
        .toList();
    for (Thread thread : closing) {
      try {
        if (!thread.join(Duration.between(Instant.now(), deadline))) {
          LOG.warn("{} still closing at the end of the shutdown grace; going on", thread.getName());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void close(FrontEnd frontEnd) {
    try {
      frontEnd.close();
    } catch (RuntimeException e) {
      LOG.warn("{} failed to close cleanly: {}", frontEnd.name(), e.toString());
    }
  }
}
