package dev.kubeconbot.content;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every Markdown file under the content folders. A file that cannot be read or parsed is
 * skipped with one warning naming it and why; the rest still load.
 *
 * <p>Content may come from people who should not be able to read the host (a pull request to a
 * git-synced content repository), so only regular files whose real path lies inside the content
 * folder's real path are read, and only up to a size cap: a link to {@code /proc/self/environ} or
 * {@code /etc/passwd}, a FIFO, a device or a huge file is skipped with a warning. The folder itself
 * may be a link (a Kubernetes mount); inside it, entries named {@code ..*} are the internals of a
 * ConfigMap volume ({@code ..data -> ..2024_…}) whose files the top-level links already reach, so
 * they are not walked a second time.
 */
public final class ContentLoader {

  private static final Logger LOG = LoggerFactory.getLogger(ContentLoader.class);

  /**
   * The default size cap. Articles are a few to a few hundred KB; indexing takes about 0.5 s and
   * 25 MB of heap per MB of text, so 2 MB keeps one hostile file from stalling a reload.
   */
  public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024;

  private final ArticleReader reader;
  private final Memory memory;
  private final Clock clock;
  /** What {@link #memory} must have been read with to be reused: the calendar infers editions. */
  private final String calendarKey;

  public ContentLoader(EventCalendar calendar, long maxFileBytes) {
    this(calendar, maxFileBytes, new Memory());
  }

  /** A loader that reuses, from {@code memory}, what earlier loads with it read, and remembers what it reads. */
  public ContentLoader(EventCalendar calendar, long maxFileBytes, Memory memory) {
    this(calendar, maxFileBytes, memory, Clock.systemUTC());
  }

  /** {@link #ContentLoader(EventCalendar, long, Memory)} with the clock that tells how long ago a file changed. */
  ContentLoader(EventCalendar calendar, long maxFileBytes, Memory memory, Clock clock) {
    this.reader = new ArticleReader(calendar, maxFileBytes);
    this.memory = memory;
    this.clock = clock;
    this.calendarKey = calendar.events() + "|" + calendar.regions();
  }

  /**
   * What the last load read, for the next one (a reload): each file's article, by a hash of the file's
   * bytes. A file whose bytes are unchanged is not parsed again (nor read, while its {@link Stamp} is
   * unchanged: at 10,000 articles reading and hashing them is a large part of a restart), and its article and passage text are
   * the very objects the live library holds: a reload at 10,000 articles would otherwise hold a
   * second copy of the whole content beside the first, and spend most of its time parsing it.
   * Safe to share between threads; the last load wins. Kept in a file too ({@link #savedIn}), it spares
   * a restart the parsing of every unchanged file.
   */
  public static final class Memory {

    /**
     * A file's article, the hash of the bytes it was read from, and the file's stamp when it was read
     * ({@code null} if it had changed too recently to be told apart by its stamp, or has none).
     */
    record Known(byte[] digest, Article article, Stamp stamp) {}

    /**
     * What the file system says of a file without reading it: its size, modification and status-change
     * times, device and inode. Any write changes the status-change time, which no tool can set back,
     * and replacing the file (a Kubernetes ConfigMap update, a git checkout) changes the inode: an
     * equal stamp means the same bytes, as for git's index and make, provided the file did not change
     * within the file system's time resolution of being looked at ({@link #settled}).
     */
    record Stamp(long size, long modifiedNanos, long changedNanos, long device, long inode) {

      /** How long before being looked at a file must have last changed for its stamp to be trusted. */
      private static final long SETTLE_NANOS = 2_000_000_000L;

      /** The stamp of {@code file}, or {@code null} where the file system has no such attributes. */
      static Stamp of(Path file) {
        try {
          Map<String, Object> unix = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,dev,ino",
              LinkOption.NOFOLLOW_LINKS);
          return new Stamp((Long) unix.get("size"), nanos(unix.get("lastModifiedTime")), nanos(unix.get("ctime")),
              (Long) unix.get("dev"), (Long) unix.get("ino"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
          return null;
        }
      }

      private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
      }

      /**
       * Whether the file last changed long enough before {@code lookedAtNanos} (the wall clock, in
       * nanoseconds since the epoch) that a later write cannot leave the stamp as it is: a write within
       * one tick of the file system's clock may keep the times, so a file that changed just before it
       * was read is read (and hashed) again next time.
       */
      boolean settled(long lookedAtNanos) {
        return Math.max(modifiedNanos, changedNanos) < lookedAtNanos - SETTLE_NANOS;
      }
    }

    /** What a load read: with which calendar and size cap, each file's article, and the corpus made of them. */
    record Loaded(String calendarKey, long maxFileBytes, Map<String, Known> byLabel, Corpus corpus) {}

    private static final Loaded NOTHING = new Loaded("", 0, Map.of(), Corpus.EMPTY);

    /** Where it is saved, or {@code null} when in memory only. */
    private final Path file;
    /** What the last load read; {@code null} until the saved file is read, on the first load. */
    private volatile Loaded last;

    /** A memory of this process only. */
    public Memory() {
      this(null, NOTHING);
    }

    private Memory(Path file, Loaded last) {
      this.file = file;
      this.last = last;
    }

    /**
     * A memory kept in {@code file} (beside the persisted index, say): the first load starts from what
     * the file holds (read then, on the loading thread, not on the caller's), and each load that
     * parsed or dropped a file saves it there again.
     */
    public static Memory savedIn(Path file) {
      return new Memory(file, null);
    }

    /**
     * Starts reading the saved file on a thread of its own, if it is not read yet, so that the caller
     * can read its configuration meanwhile: at 10,000 articles the file is 70 MB. The first load waits for it.
     */
    public void readAhead() {
      if (file != null && last == null) {
        Thread.ofPlatform().name("read-articles").start(this::last);
      }
    }

    synchronized Loaded last() {
      if (last == null) {
        last = ArticleStore.read(file).orElse(NOTHING);
      }
      return last;
    }

    private void remember(Loaded loaded, boolean changed) {
      last = loaded;
      if (file != null && changed) {
        ArticleStore.write(file, loaded);
      }
    }
  }

  /** A Markdown file to read: its real path, and its name as the operator sees it, for messages. */
  private record Candidate(Path file, String label) {}

  /**
   * Loads the articles under {@code folders}.
   *
   * @throws ContentException if a folder does not exist or cannot be listed: then there is no corpus
   */
  public Corpus load(List<Path> folders) throws ContentException {
    List<SkippedFile> skipped = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    List<Candidate> candidates = new ArrayList<>();
    for (Path folder : folders) {
      Walk walk = new Walk(folder, skipped);
      for (Candidate candidate : walk.markdownFiles()) {
        if (seen.add(candidate.file())) { // two links to one file inside the content: read it once
          candidates.add(candidate);
        }
      }
    }
    Memory.Loaded before = memory.last();
    boolean reusable = before.calendarKey().equals(calendarKey) && before.maxFileBytes() == reader.maxFileBytes();
    Map<String, Memory.Known> known = reusable ? before.byLabel() : Map.of();
    // Parsing is most of a large corpus's start (Markdown, front matter, edition inference), and each
    // file stands alone: read them on all cores, keeping their order.
    List<Outcome> outcomes = candidates.parallelStream().map(candidate -> read(candidate, known)).toList();
    List<Article> articles = new ArrayList<>();
    Map<String, Memory.Known> read = new HashMap<>();
    for (int i = 0; i < outcomes.size(); i++) {
      switch (outcomes.get(i)) {
        case Outcome.Read ok -> {
          articles.add(ok.known().article());
          read.put(candidates.get(i).label(), ok.known());
        }
        case Outcome.Failed failed -> skip(skipped, candidates.get(i).label(), failed.reason());
      }
    }
    Corpus corpus = Corpus.of(articles, skipped, reusable ? before.corpus() : Corpus.EMPTY);
    // Saved again only when some file was parsed or dropped: a restart on unchanged content writes nothing.
    boolean changed = !read.keySet().equals(known.keySet())
        || read.entrySet().stream().anyMatch(entry -> known.get(entry.getKey()) != entry.getValue());
    memory.remember(new Memory.Loaded(calendarKey, reader.maxFileBytes(), Map.copyOf(read), corpus), changed);
    return corpus;
  }

  /** What reading one file gave: its article (and the hash of its bytes), or why it cannot be read. */
  private sealed interface Outcome {
    record Read(Memory.Known known) implements Outcome {}

    record Failed(String reason) implements Outcome {}
  }

  /**
   * Reads a file, or takes its article from {@code known}: without reading it if its stamp is the one
   * it had when it was read, after reading it if its bytes are those it was read from.
   */
  private Outcome read(Candidate candidate, Map<String, Memory.Known> known) {
    // The stamp is taken before the bytes: a write in between shows in the next stamp.
    Instant instant = clock.instant();
    long now = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    Memory.Stamp stamp = Memory.Stamp.of(candidate.file());
    Memory.Known before = known.get(candidate.label());
    if (before != null && stamp != null && stamp.equals(before.stamp())) {
      return new Outcome.Read(before);
    }
    try {
      byte[] bytes = reader.bytes(candidate.file());
      byte[] digest = Corpus.sha256().digest(bytes);
      Memory.Stamp settled = stamp != null && stamp.settled(now) ? stamp : null;
      if (before != null && Arrays.equals(before.digest(), digest)) {
        return new Outcome.Read(Objects.equals(settled, before.stamp()) ? before
            : new Memory.Known(digest, before.article(), settled));
      }
      return new Outcome.Read(new Memory.Known(digest, reader.read(bytes, candidate.file(), candidate.label()), settled));
    } catch (ContentException e) {
      return new Outcome.Failed(e.getMessage());
    }
  }

  private static void skip(List<SkippedFile> skipped, String label, String reason) {
    String oneLine = LogText.escape(reason);
    LOG.warn("Skipping content file {}: {}", label, oneLine);
    skipped.add(new SkippedFile(label, oneLine));
  }

  /** One content folder walked without following links out of it. */
  private final class Walk {
    private final Path folder;
    private final Path root;
    private final List<SkippedFile> skipped;
    private final Set<Path> visited = new HashSet<>();
    private final List<Candidate> found = new ArrayList<>();

    Walk(Path folder, List<SkippedFile> skipped) throws ContentException {
      this.folder = folder;
      this.skipped = skipped;
      try {
        // The root alone may be a link: Kubernetes mounts and symlinked checkouts are common.
        this.root = folder.toRealPath();
      } catch (IOException e) {
        throw new ContentException("content folder " + LogText.escape(folder.toString())
            + " does not exist or is not a folder");
      }
      if (!Files.isDirectory(root)) {
        throw new ContentException("content folder " + LogText.escape(folder.toString()) + " is not a folder");
      }
    }

    List<Candidate> markdownFiles() throws ContentException {
      visited.add(root);
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
        for (Path entry : sorted(entries)) {
          visit(entry, folder.resolve(entry.getFileName().toString()));
        }
      } catch (IOException e) {
        throw new ContentException("content folder " + LogText.escape(folder.toString()) + " cannot be listed: "
            + LogText.escape(reason(e)), e);
      }
      found.sort(Comparator.comparing(Candidate::label));
      return found;
    }

    /** {@code entry} is the path inside the real root; {@code shown} the same path under the folder as configured. */
    private void visit(Path entry, Path shown) {
      if (entry.getFileName().toString().startsWith("..")) {
        return;
      }
      String label = LogText.escape(shown.toString());
      boolean markdown = isMarkdown(entry);
      Path real;
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        real = attributes.isSymbolicLink() ? entry.toRealPath() : entry;
        if (attributes.isSymbolicLink()) {
          attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
      } catch (NoSuchFileException e) {
        if (markdown) {
          skip(skipped, label, "it is a link to a file that does not exist");
        }
        return;
      } catch (IOException e) {
        // A link loop (ELOOP), or no permission to look.
        if (markdown) {
          skip(skipped, label, "it cannot be resolved or read (" + reason(e) + ")");
        }
        return;
      }
      if (!real.startsWith(root)) {
        if (markdown || attributes.isDirectory()) {
          skip(skipped, label, "it is a link to " + LogText.escape(real.toString())
              + ", outside the content folder; only files inside it are read");
        }
        return;
      }
      if (attributes.isDirectory()) {
        walkFolder(real, shown, label);
      } else if (!markdown) {
        return;
      } else if (!attributes.isRegularFile()) {
        skip(skipped, label, "it is not a regular file (a FIFO, socket or device)");
      } else if (attributes.size() > reader.maxFileBytes()) {
        skip(skipped, label, "it is " + attributes.size() + " bytes, above the content.maxFileSize cap of "
            + reader.maxFileBytes() + " bytes");
      } else {
        found.add(new Candidate(real, label));
      }
    }

    private void walkFolder(Path real, Path shown, String label) {
      if (!visited.add(real)) {
        return; // a link back to a folder already walked
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(real)) {
        for (Path entry : sorted(entries)) {
          visit(entry, shown.resolve(entry.getFileName().toString()));
        }
      } catch (IOException e) {
        // lost+found on a volume, or a folder the bot's user may not read: the rest still loads.
        LOG.warn("Skipping content folder {}: it cannot be listed ({})", label, LogText.escape(reason(e)));
        skipped.add(new SkippedFile(label, "folder cannot be listed"));
      }
    }
  }

  private static List<Path> sorted(DirectoryStream<Path> entries) throws IOException {
    List<Path> list = new ArrayList<>();
    try {
      entries.forEach(list::add);
    } catch (DirectoryIteratorException e) {
      throw e.getCause();
    }
    list.sort(Comparator.comparing(Path::toString));
    return list;
  }

  private static String reason(IOException e) {
    return e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.toString();
  }

  private static boolean isMarkdown(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".md") || name.endsWith(".markdown");
  }
}
