package dev.kubeconbot.cli;

import dev.kubeconbot.config.BotConfig;
import dev.kubeconbot.config.ConfigException;
import dev.kubeconbot.config.ConfigLoader;
import dev.kubeconbot.content.ContentException;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.search.SemanticSearch;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code index [--content DIR]... [--threads N]}: embeds every passage the vector cache lacks, with a
 * progress bar, so that {@code serve} starts hybrid at once. For a large first run, and for the
 * container build. Exit code 2 when the configuration or the content cannot be loaded.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Embed the content's passages into the vector cache (search.vectorCache) for semantic search.")
final class IndexCli implements Callable<Integer> {

  /** The bar is redrawn at most this often. */
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int BAR_WIDTH = 30;

  @Mixin
  ContentOptions options;

  @Option(names = "--threads", paramLabel = "N", description = "Embedding threads (default: one per core).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Spec
  CommandSpec spec;

  /** The environment; tests replace it. */
  Map<String, String> env = System.getenv();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    BotConfig config;
    Library library;
    try {
      config = ConfigLoader.load(options.config, env);
      library = Library.load(options.config, options.contentFolders(config.contentDirs()), config.contentMaxFileBytes());
    } catch (ConfigException | ContentException e) {
      err.println("kubecon-bot: " + e.getMessage());
      err.flush();
      return 2;
    }
    long start = System.nanoTime();
    try (SemanticSearch semantic = SemanticSearch.open(config.search().vectorCache())) {
      semantic.index(library, Math.max(1, threads), bar(err, start));
      SemanticSearch.Stats stats = semantic.stats();
      err.printf("%d passages have vectors in %s: %d embedded now, the rest from the cache (%.1f s)%n",
          library.corpus().passages().size(), config.search().vectorCache(), stats.computed(),
          (System.nanoTime() - start) / 1e9);
      err.flush();
    }
    return 0;
  }

  private static SemanticSearch.Progress bar(PrintWriter err, long start) {
    long[] drawn = {0};
    return (done, total) -> {
      long now = System.nanoTime();
      synchronized (drawn) {
        if (now - drawn[0] < REDRAW_NANOS && done < total) {
          return;
        }
        drawn[0] = now;
        int filled = done * BAR_WIDTH / total;
        double rate = done / Math.max(1e-9, (now - start) / 1e9);
        err.printf("\r[%s%s] %d/%d passages (%d%%), %.1f/s", "#".repeat(filled), ".".repeat(BAR_WIDTH - filled),
            done, total, done * 100 / total, rate);
        if (done == total) {
          err.println();
        }
        err.flush();
      }
    };
  }
}
