package dev.kubeconbot.app;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls back once the content folders have changed and then stayed quiet for a moment, so that an
 * editor saving several files, or Kubernetes swapping a mounted ConfigMap, causes one reload.
 * Subfolders are watched too, including ones created later.
 *
 * <p>A watch belongs to a folder's inode, not its name: once a content folder is deleted and made
 * again, or is a link re-pointed to another folder, its old watch sees nothing more. So each
 * folder's parent is watched too, for that folder's name only (and, for a link, its target's
 * parent for the target's name), and when the name changes hands the folder's watches are armed
 * again on whatever it now is.
 */
final class ContentWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ContentWatcher.class);
  private static final WatchEvent.Kind<?>[] KINDS = {StandardWatchEventKinds.ENTRY_CREATE,
      StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE};

  private final WatchService watcher;
  private final Duration quiet;
  private final Runnable onChange;
  private final Thread thread;
  /** The content folder (as configured) that each key watching a folder inside it belongs to. */
  private final Map<WatchKey, Path> trees = new HashMap<>();
  /** The content folders whose name each key watching a parent folder looks out for. */
  private final Map<WatchKey, Map<Path, Path>> parents = new HashMap<>();
  /** For a content folder that is a link, where its target's name is watched. */
  private final Map<Path, Watched> targets = new HashMap<>();

  private record Watched(WatchKey parent, Path name) {}

  ContentWatcher(List<Path> folders, Duration quiet, Runnable onChange) throws IOException {
    this.watcher = FileSystems.getDefault().newWatchService();
    this.quiet = quiet;
    this.onChange = onChange;
    for (Path configured : folders) {
      Path folder = configured.toAbsolutePath();
      registerTree(folder, folder);
      Path parent = folder.getParent();
      if (parent != null) {
        parents.computeIfAbsent(parent.register(watcher, KINDS), key -> new HashMap<>())
            .put(folder.getFileName(), folder);
      }
      watchTarget(folder);
    }
    this.thread = Thread.ofPlatform().daemon().name("content-watcher").start(this::run);
  }

  /**
   * Watches {@code dir} and the folders under it, on their real paths (the content folder may be a
   * link). Entries named {@code ..*} are left out, as the loader leaves them out: in a ConfigMap
   * volume they are the kubelet's data folders, and every change to them ends in a swap of
   * {@code ..data} in the folder itself, which is watched.
   */
  private void registerTree(Path dir, Path folder) throws IOException {
    Path start = dir.toRealPath();
    trees.put(start.register(watcher, KINDS), folder);
    Files.walkFileTree(start, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path sub, BasicFileAttributes attributes) {
        if (sub.equals(start)) {
          return FileVisitResult.CONTINUE;
        }
        if (isKubeletData(sub)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        try {
          trees.put(sub.register(watcher, KINDS), folder);
          return FileVisitResult.CONTINUE;
        } catch (IOException e) {
          return visitFileFailed(sub, e);
        }
      }

      /** A subfolder the bot may not read (lost+found) or watch (the inotify limit): the rest is still watched. */
      @Override
      public FileVisitResult visitFileFailed(Path sub, IOException e) {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE; // deleted while walking: nothing to watch
        }
        LOG.warn("changes in {} will not reload the content: cannot watch it ({})", sub, e.toString());
        return FileVisitResult.SKIP_SUBTREE;
      }
    });
  }

  private static boolean isKubeletData(Path entry) {
    return entry.getFileName() != null && entry.getFileName().toString().startsWith("..");
  }

  /**
   * When {@code folder} is a link, watches its target's parent for the target's name too, so that
   * the target deleted and made again is seen as well, and stops watching for a target it no longer
   * points to. While the folder cannot be resolved (its target is gone) the old watch stays: that
   * is when it is needed.
   */
  private void watchTarget(Path folder) {
    Path target;
    try {
      target = folder.toRealPath();
    } catch (IOException e) {
      return;
    }
    Watched old = targets.remove(folder);
    Map<Path, Path> oldNames = old == null ? null : parents.get(old.parent());
    if (oldNames != null && oldNames.remove(old.name(), folder) && oldNames.isEmpty() && !trees.containsKey(old.parent())) {
      parents.remove(old.parent());
      old.parent().cancel();
    }
    if (target.equals(folder) || target.getParent() == null) {
      return;
    }
    try {
      WatchKey parent = target.getParent().register(watcher, KINDS);
      if (parents.computeIfAbsent(parent, key -> new HashMap<>()).putIfAbsent(target.getFileName(), folder) == null) {
        targets.put(folder, new Watched(parent, target.getFileName()));
      }
    } catch (IOException e) {
      LOG.warn("content folder {} links to {}, whose replacement will not be noticed: {}", folder, target, e.getMessage());
    }
  }

  /** Drops {@code folder}'s watches and, if it exists now, watches what it is now. */
  private void rearm(Path folder) {
    List<WatchKey> old = trees.entrySet().stream().filter(e -> e.getValue().equals(folder)).map(Map.Entry::getKey).toList();
    for (WatchKey key : old) {
      trees.remove(key);
      if (!parents.containsKey(key)) { // one content folder may be the parent of another: keep that watch
        key.cancel();
      }
    }
    if (Files.isDirectory(folder)) {
      try {
        registerTree(folder, folder);
      } catch (IOException e) {
        LOG.warn("cannot watch content folder {} again: {}", folder, e.getMessage());
      }
    }
    watchTarget(folder);
  }

  private void run() {
    try {
      while (true) {
        if (!drain(watcher.take())) {
          continue;
        }
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

  /**
   * Reads a key's events, watching any new folder and re-arming any content folder that was
   * replaced, and resets the key; says whether the content may have changed.
   */
  private boolean drain(WatchKey key) {
    boolean changed = false;
    Set<Path> replaced = new HashSet<>();
    Map<Path, Path> watchedNames = parents.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        // Events were lost: what was replaced is unknown, so every folder is watched anew.
        replaced.addAll(trees.values());
        parents.values().forEach(names -> replaced.addAll(names.values()));
        changed = true;
        continue;
      }
      Path name = (Path) event.context();
      // In a parent folder only the content folders' own names matter; the rest is someone else's.
      Path folder = watchedNames == null ? null : watchedNames.get(name);
      if (folder != null) {
        replaced.add(folder);
        changed = true;
      }
      Path owner = trees.get(key);
      if (owner != null && key.watchable() instanceof Path dir) {
        changed = true;
        Path entry = dir.resolve(name);
        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(entry) && !isKubeletData(entry)) {
          try {
            registerTree(entry, owner);
          } catch (IOException e) {
            LOG.warn("cannot watch new content folder {}: {}", entry, e.getMessage());
          }
        }
      }
    }
    if (!key.reset()) {
      // The folder itself is gone. A content folder's parent sees it come back; a parent that is
      // itself gone leaves its content folders unwatched until a restart.
      trees.remove(key);
      if (parents.remove(key) != null) {
        LOG.warn("content folders in {} are no longer watched: the folder is gone", key.watchable());
      }
    }
    replaced.forEach(this::rearm);
    return changed;
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
