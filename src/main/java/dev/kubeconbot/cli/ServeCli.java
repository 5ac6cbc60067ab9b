package dev.kubeconbot.cli;

import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.app.BotApp;
import dev.kubeconbot.app.Logging;
import dev.kubeconbot.app.SemanticMetrics;
import dev.kubeconbot.config.BotConfig;
import dev.kubeconbot.config.ConfigException;
import dev.kubeconbot.config.ConfigLoader;
import dev.kubeconbot.content.ContentException;
import dev.kubeconbot.content.ContentLoader;
import dev.kubeconbot.discord.DiscordBot;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.search.SemanticSearch;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code serve [--config DIR] [--content DIR]...}: runs the bot until SIGTERM. Exit code 2 for a bad
 * configuration or content that cannot be loaded, 1 if it cannot start otherwise.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Index the content, serve HTTP (health, readiness, metrics, /api/ask) and, when "
        + "DISCORD_TOKEN is set, answer on Discord. Settings: --config DIR/application.yaml and the "
        + "environment (see the README).")
final class ServeCli implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCli.class);

  @Mixin
  ContentOptions options;

  @Spec
  CommandSpec spec;

  /** The parsed articles, in the index folder (see {@link ContentLoader.Memory#savedIn}). */
  static final String ARTICLES_FILE = "kubecon-bot-articles.bin";

  /** The environment; tests replace it. */
  Map<String, String> env = System.getenv();

  @Override
  public Integer call() {
    // The glossary, lexicon and calendar and the Chinese dictionaries load on the other core while
    // this one reads the settings, which say where the content and the index are.
    Library.ConfigFiles.Reading configFiles = Library.ConfigFiles.readInBackground(options.config);
    BotConfig config;
    try {
      config = ConfigLoader.load(options.config, env);
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("kubecon-bot: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 2;
    }
    Logging.use(config.logFormat());
    List<Path> content = options.contentFolders(config.contentDirs());
    Path index = config.indexDir().orElseGet(() -> ConfigLoader.defaultIndexDir(env, content));
    // A restart, and each reload, parses only the files that changed since the last load.
    Library.Memory read = new Library.Memory(ContentLoader.Memory.savedIn(index.resolve(ARTICLES_FILE)));
    // The first library loads from here, with the files read above, while the metrics, the commands
    // and HTTP are set up beside it; each reload reads the files again.
    AtomicReference<CompletableFuture<Library>> first = new AtomicReference<>(loadInBackground(
        () -> Library.loadPersisted(configFiles, content, config.contentMaxFileBytes(), index, read)));
    PrometheusMeterRegistry registry = BotApp.newRegistry();
    SemanticSearch semantic = config.search().semantic() ? SemanticSearch.open(config.search().vectorCache()) : null;
    BotApp.LibraryLoader library = withVectors(semantic, registry, () -> {
      CompletableFuture<Library> loading = first.getAndSet(null);
      return loading != null ? loaded(loading) : Library.loadPersisted(
          Library.ConfigFiles.readInBackground(config.configDir()), content, config.contentMaxFileBytes(), index, read);
    });
    CommandRegistry commands = CommandRegistry.standard();
    BotApp app = new BotApp(config, registry, () -> new AnswerEngine(commands, library.load()), frontEnds(commands));
    app.reloadOnChange(content, library);
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
    try {
      app.start();
    } catch (Exception e) {
      app.stop();
      return startFailed(config, e);
    }
    if (semantic != null) {
      semantic.start(); // only now: embedding would take CPU from the start-up it must never delay
    }
    app.awaitStopped();
    return 0;
  }

  /** Runs {@code load} on a thread of its own. */
  private static CompletableFuture<Library> loadInBackground(BotApp.LibraryLoader load) {
    CompletableFuture<Library> library = new CompletableFuture<>();
    Thread.ofPlatform().name("load").start(() -> {
      try {
        library.complete(load.load());
      } catch (Throwable e) {
        library.completeExceptionally(e);
      }
    });
    return library;
  }

  /** What {@code loading} loaded, or what it threw. */
  private static Library loaded(CompletableFuture<Library> loading) throws ContentException {
    try {
      return loading.join();
    } catch (CompletionException e) {
      switch (e.getCause()) {
        case ContentException content -> throw content;
        case RuntimeException runtime -> throw runtime;
        case Error error -> throw error;
        default -> throw e;
      }
    }
  }

  /**
   * With semantic search on ({@code semantic} not null), each library loaded (at start and on every
   * reload) gets its vectors in the background: it answers lexically at once and hybrid when they
   * are in. Off, nothing of the embedding models is ever loaded.
   */
  private static BotApp.LibraryLoader withVectors(SemanticSearch semantic, MeterRegistry registry,
      BotApp.LibraryLoader lexical) {
    if (semantic == null) {
      return lexical;
    }
    SemanticMetrics.bindTo(registry, semantic);
    return () -> {
      Library library = lexical.load();
      semantic.attach(library);
      return library;
    };
  }

  /** Logs why start failed, in one line, and gives the exit code. */
  private static int startFailed(BotConfig config, Exception e) {
    return switch (e) {
      case ContentException content -> {
        LOG.error("cannot load the content: {}", content.getMessage());
        yield 2;
      }
      case IOException io -> {
        LOG.error("cannot listen on {}:{}: {}", config.http().host(), config.http().port(), io.toString());
        yield 1;
      }
      default -> {
        LOG.error("cannot start: {}", e.toString());
        yield 1;
      }
    };
  }

  /**
   * The front ends that serve users when DISCORD_TOKEN is set, on {@code commands} (those of the answer
   * engine); readiness waits for each, shutdown closes them.
   */
  static BotApp.FrontEndFactory frontEnds(CommandRegistry commands) {
    return (config, answers, registry) -> List.of(new DiscordBot(config.discord(), commands, answers, registry));
  }
}
