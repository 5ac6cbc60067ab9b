package dev.kubeconbot.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeconbot.search.Library;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.MMapDirectory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The start no bot on these libraries can beat, for {@code bench/startup.py}'s {@code FLOOR=1}: it
 * loads what {@code serve} must before it is ready and nothing of the bot's own. On other threads
 * from its first line, as {@code serve} does: smartcn's dictionaries (one Chinese sentence analysed,
 * the dictionary from the build's flat copy as the bot loads it: {@link Library#warmUp}),
 * the small config files through Jackson's YAML parser, and the bot's persisted Lucene index
 * ({@code INDEX_DIR}) opened and searched once. Meanwhile picocli parses the arguments, Logback
 * writes a line and Jetty starts on {@code HTTP_PORT}, answering {@code /readyz} 503 until the rest
 * is done, 200 after. What {@code serve} takes beyond this is the bot's own work: its answers to
 * cut; what this takes is the libraries' and the JVM's, which no change to the bot can remove.
 */
public final class LibraryFloor {

  private LibraryFloor() {}

  @CommandLine.Command(name = "serve")
  static final class Serve implements Callable<Integer> {
    @CommandLine.Option(names = "--config", defaultValue = "config")
    Path config;

    @Override
    public Integer call() {
      return 0;
    }
  }

  public static void main(String[] args) throws Exception {
    CompletableFuture<Void> dictionaries = CompletableFuture.runAsync(Library::warmUp, LibraryFloor::onItsOwnThread);
    CompletableFuture<Void> config = CompletableFuture.runAsync(LibraryFloor::parseConfig, LibraryFloor::onItsOwnThread);
    CompletableFuture<Long> index = CompletableFuture.supplyAsync(LibraryFloor::searchIndex, LibraryFloor::onItsOwnThread);
    Serve serve = new Serve();
    new CommandLine(serve).parseArgs(args);
    LoggerFactory.getLogger(LibraryFloor.class).info("floor: starting");
    CompletableFuture<Void> loaded = CompletableFuture.allOf(dictionaries, config, index);
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(Integer.parseInt(System.getenv().getOrDefault("HTTP_PORT", "8080")));
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        response.setStatus(loaded.isDone() && !loaded.isCompletedExceptionally() ? 200 : 503);
        callback.succeeded();
        return true;
      }
    });
    server.start();
    loaded.join();
    LoggerFactory.getLogger(LibraryFloor.class).info("floor: ready, {} hits", index.join());
    server.join();
  }

  private static void onItsOwnThread(Runnable task) {
    Thread.ofPlatform().daemon().name("floor").start(task);
  }

  private static void parseConfig() {
    YAMLFactory yaml = new YAMLFactory();
    for (String name : List.of("events.yaml", "glossary.yaml", "shortforms.yaml")) {
      try (JsonParser parser = yaml.createParser(Files.newInputStream(Path.of("config", name)))) {
        while (parser.nextToken() != null) {
          // every token is read, as a tree would read them
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static long searchIndex() {
    try (MMapDirectory directory = new MMapDirectory(Path.of(System.getenv("INDEX_DIR")));
        DirectoryReader reader = DirectoryReader.open(directory)) {
      return new IndexSearcher(reader).search(new TermQuery(new Term("text_bigrams", "kubernet")), 10).totalHits.value();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
