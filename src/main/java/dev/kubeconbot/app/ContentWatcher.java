package dev.kubeconbot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls back once the content folders have changed and then stayed quiet for a moment, so that an
 * editor saving several files, or Kubernetes swapping a mounted ConfigMap, causes one reload.
 * Subfolders are watched too, including ones created later.
 */
final class ContentWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ContentWatcher.class);

  private final WatchService watcher;
  private final Duration quiet;
  private final Runnable onChange;
  private final Thread thread;

  ContentWatcher(List<Path> folders, Duration quiet, Runnable onChange) throws IOException {
    this.watcher = FileSystems.getDefault().newWatchService();
    this.quiet = quiet;
    this.onChange = onChange;
    for (Path folder : folders) {
      registerTree(folder);
    }
    this.thread = Thread.ofPlatform().daemon().name("content-watcher").start(this::run);
  }

  private void registerTree(Path folder) throws IOException {
    try (Stream<Path> dirs = Files.walk(folder)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void run() {
    try {
      while (true) {
        drain(watcher.take());
        // Wait until nothing has changed for a while, then reload once.
        for (WatchKey more = watcher.poll(quiet.toMillis(), TimeUnit.MILLISECONDS); more != null;
            more = watcher.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) {
          drain(more);
        }
        onChange.run();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: stop watching
    }
  }

  /** Reads a key's events, watching any new folder, and re-arms it. */
  private void drain(WatchKey key) {
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.context() instanceof Path name && key.watchable() instanceof Path dir
          && Files.isDirectory(dir.resolve(name))) {
        try {
          registerTree(dir.resolve(name));
        } catch (IOException e) {
          LOG.warn("cannot watch new content folder {}: {}", dir.resolve(name), e.getMessage());
        }
      }
    }
    key.reset();
  }

  @Override
  public void close() {
    try {
      watcher.close();
    } catch (IOException e) {
      LOG.warn("closing the content watcher: {}", e.getMessage());
    }
    thread.interrupt();
  }
}
