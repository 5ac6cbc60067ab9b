package dev.kubeconbot.search;

import dev.kubeconbot.content.Article;
import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.content.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StandardDirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the Lucene index lives and how it is brought up to date with a corpus. On disk
 * ({@link MMapDirectory}: the index stays off the Java heap) it is reopened as it is when the corpus
 * is unchanged, and otherwise updated article by article: an article whose passages changed is
 * deleted and added again, the others stay. The commit records, with the index, each article's
 * fingerprint ({@link Corpus#fingerprints}: what its documents hold), so what changed is known
 * without reading the index. A commit is
 * atomic in Lucene; before an index is served, the checksums of all its files are verified, and one
 * that cannot be read is rebuilt, never served. Processes sharing the folder take turns through a
 * lock file; one that finds the index it needs already committed just opens it.
 */
final class IndexStore {

  private static final Logger LOG = LoggerFactory.getLogger(IndexStore.class);

  /**
   * What the index's documents are made of: bump it when {@link IndexSchema} or {@link Analyzers}
   * change what a passage's document holds, so that indexes written before are rebuilt. (The glossary
   * and the lexicon are used at query time only: changing them leaves the index valid.)
   */
  static final String SCHEMA_VERSION = "3";
  private static final String SCHEMA_KEY = "schema";
  private static final String CORPUS_KEY = "corpus";
  private static final String ARTICLE_PREFIX = "article:";
  /** Our own lock, held while a process checks and updates the index; Lucene's write.lock is inside it. */
  private static final String LOCK = "kubecon-bot.lock";
  private static final Duration LOCK_WAIT_LOG = Duration.ofSeconds(2);
  /** Below this many passages one thread indexes faster than several start up. */
  private static final int PARALLEL_FROM = 2_000;

  private IndexStore() {}

  /** How an index was brought up: as it was on disk, by indexing the articles that changed, or all anew. */
  enum Outcome { REOPENED, UPDATED, BUILT }

  /**
   * An open index of a corpus: the reader, for each document (index-wide number) its passage, how it
   * came about, how many articles were indexed for it, and where it is stored (empty in memory).
   */
  record Opened(DirectoryReader reader, int[] passageOfDoc, Outcome outcome, int indexedArticles,
      Optional<Stored> stored) {}

  /**
   * Where an index is stored and which commit of it is open: the commit names its content (the
   * corpus key) and, by its segments file and the random id Lucene gives each commit, the very index
   * written for it, scores and document numbers all (an index built anew after a crash restarts at
   * segments_1, with its documents perhaps in another order).
   */
  record Stored(Path folder, String commit) {}

  /** Indexes {@code corpus} into memory, on {@code threads} threads. */
  static Opened inMemory(Corpus corpus, Analyzer analyzer, int threads) {
    try {
      Directory directory = new ByteBuffersDirectory();
      try (IndexWriter writer = writer(directory, analyzer, IndexWriterConfig.OpenMode.CREATE)) {
        add(writer, corpus, corpus.articles(), threads);
        writer.commit();
      }
      return opened(DirectoryReader.open(directory), corpus, Outcome.BUILT, corpus.articles().size(), null);
    } catch (IOException e) {
      throw new UncheckedIOException("building the in-memory index failed", e);
    }
  }

  /**
   * The index of {@code corpus} in {@code folder}: reopened if it is already there, brought up to date
   * if it holds an older version of the content, built if there is none or it cannot be read.
   *
   * @throws IOException if the folder cannot be created or written
   */
  // "try": the lock is held for the block's extent and never read; javac 21 has no unnamed variable for it
  @SuppressWarnings("try")
  static Opened onDisk(Path folder, Corpus corpus, Analyzer analyzer, int threads) throws IOException {
    return onDisk(folder, corpus, analyzer, threads, null);
  }

  /**
   * {@link #onDisk(Path, Corpus, Analyzer, int)}, sharing with {@code live} (the open index of this
   * folder that answers meanwhile, or {@code null}) every segment both have: a reload that changed a
   * few articles maps and checks only the segment they were written to, instead of opening a second
   * copy of the whole index beside the live one (at 10,000 articles 47 MB of mapped files, all read
   * by the checksums). {@code live} is left open; it may be closed meanwhile, then nothing is shared.
   */
  static Opened onDisk(Path folder, Corpus corpus, Analyzer analyzer, int threads, DirectoryReader live)
      throws IOException {
    return onDisk(folder, corpus, analyzer, threads, live, Peek.NONE);
  }

  /**
   * {@link #onDisk(Path, Corpus, Analyzer, int, DirectoryReader)}, taking the latest commit from
   * {@code peek} if it looked at {@code folder}, instead of opening and verifying it now.
   */
  @SuppressWarnings("try")
  static Opened onDisk(Path folder, Corpus corpus, Analyzer analyzer, int threads, DirectoryReader live, Peek peek)
      throws IOException {
    Files.createDirectories(folder);
    Map<String, String> wanted = corpus.fingerprints();
    String key = corpusKey(wanted);
    FSDirectory directory = new MMapDirectory(folder);
    DirectoryReader previous = live != null && live.directory() instanceof FSDirectory fs && sameFolder(fs.getDirectory(), folder)
        ? live : null;
    Optional<DirectoryReader> current = peek.looked(folder) ? peek.take(key) : openIfCurrent(directory, folder, key, previous);
    if (current.isPresent()) {
      LOG.info("index in {} reopened: the content is unchanged", folder);
      return opened(current.get(), corpus, Outcome.REOPENED, 0, folder);
    }
    try (Lock lock = lock(directory, folder)) {
      current = openIfCurrent(directory, folder, key, previous);
      if (current.isPresent()) {
        LOG.info("index in {} reopened: another process has just brought it up to date", folder);
        return opened(current.get(), corpus, Outcome.REOPENED, 0, folder);
      }
      Written written = update(directory, folder, corpus, analyzer, wanted, threads);
      DirectoryReader reader = openLatest(directory, previous);
      try {
        verify(reader, previous);
        return opened(reader, corpus, written.outcome(), written.articles(), folder);
      } catch (IOException | RuntimeException e) {
        reader.close();
        LOG.warn("index in {} failed its checksums or does not fit the content after an update ({}); "
            + "building it anew", folder, e.toString());
        int articles = write(directory, corpus, analyzer, Map.of(), wanted, true, threads);
        return opened(DirectoryReader.open(directory), corpus, Outcome.BUILT, articles, folder);
      }
    }
  }

  /**
   * The latest commit in an index folder, opened and its checksums verified before the content is
   * read, which alone tells whether it is the index wanted: a restart at 10,000 articles spends about
   * a third of a second of a core on that, which start-up overlaps with reading the parsed articles.
   * A reader {@link #onDisk} did not take is closed with the peek.
   */
  static final class Peek implements AutoCloseable {

    /** Looked at no folder: {@link #onDisk} opens the latest commit itself. */
    static final Peek NONE = new Peek(null, null);

    private final Path folder;
    /** The verified latest commit until {@link #take} hands it on; {@code null} if none could be used. */
    private DirectoryReader reader;

    private Peek(Path folder, DirectoryReader reader) {
      this.folder = folder;
      this.reader = reader;
    }

    /** Opens and verifies the latest commit in {@code folder}, if there is one that can be read; never throws. */
    static Peek at(Path folder) {
      if (!Files.isDirectory(folder)) {
        return new Peek(folder, null);
      }
      DirectoryReader reader = null;
      try {
        FSDirectory directory = new MMapDirectory(folder);
        if (!DirectoryReader.indexExists(directory)) {
          return new Peek(folder, null);
        }
        reader = DirectoryReader.open(directory);
        verify(reader, null);
        return new Peek(folder, reader);
      } catch (IOException | RuntimeException e) {
        LOG.warn("index in {} cannot be used ({}); it will be rebuilt", folder, e.toString());
        closeQuietly(reader);
        return new Peek(folder, null);
      }
    }

    /** Whether this is what was found in {@code folder}. */
    boolean looked(Path folder) {
      return this.folder != null && sameFolder(this.folder, folder);
    }

    /** The commit found, if it is the index of the corpus with {@code key}; else it is closed. Once. */
    synchronized Optional<DirectoryReader> take(String key) {
      DirectoryReader found = reader;
      reader = null;
      try {
        if (found != null && key.equals(found.getIndexCommit().getUserData().get(CORPUS_KEY))) {
          return Optional.of(found);
        }
      } catch (IOException | RuntimeException e) {
        LOG.debug("the index commit read ahead cannot be used", e);
      }
      closeQuietly(found);
      return Optional.empty();
    }

    @Override
    public synchronized void close() {
      closeQuietly(reader);
      reader = null;
    }
  }

  private static boolean sameFolder(Path one, Path other) {
    return one.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
  }

  /**
   * Whether {@code file} belongs to the index: Lucene's segment files ({@code _0.cfs}, also those a
   * crash left half-written), its commits ({@code segments_N}, {@code pending_segments_N}) and
   * {@code write.lock}, and the warm-up saved for it ({@link WarmState#FILE}).
   */
  private static boolean isIndexFile(String file) {
    return file.startsWith("_") || file.startsWith("segments") || file.startsWith("pending_segments")
        || file.equals(IndexWriter.WRITE_LOCK_NAME) || file.equals(WarmState.FILE);
  }

  /** Waits for the folder's lock: another process may be building the same index. */
  private static Lock lock(Directory directory, Path folder) throws IOException {
    long start = System.nanoTime();
    boolean logged = false;
    while (true) {
      try {
        return directory.obtainLock(LOCK);
      } catch (LockObtainFailedException e) {
        if (!logged && System.nanoTime() - start > LOCK_WAIT_LOG.toNanos()) {
          LOG.info("waiting for another process that is updating the index in {}", folder);
          logged = true;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for the index lock in " + folder, interrupted);
        }
      }
    }
  }

  /**
   * The latest commit, if it is the index of the corpus with {@code key} and every file's checksum
   * holds; empty if there is none, it is of other content, or it cannot be read (then it is rebuilt).
   */
  private static Optional<DirectoryReader> openIfCurrent(Directory directory, Path folder, String key,
      DirectoryReader previous) {
    DirectoryReader reader = null;
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return Optional.empty();
      }
      reader = openLatest(directory, previous);
      if (!key.equals(reader.getIndexCommit().getUserData().get(CORPUS_KEY))) {
        reader.close();
        return Optional.empty();
      }
      verify(reader, previous);
      return Optional.of(reader);
    } catch (IOException | RuntimeException e) {
      LOG.warn("index in {} cannot be used ({}); it will be rebuilt", folder, e.toString());
      closeQuietly(reader);
      return Optional.empty();
    }
  }

  /**
   * A reader of the latest commit in {@code directory}: one that shares with {@code previous} the
   * segments they have in common when {@code previous} is open and of an older commit, else a new one.
   */
  private static DirectoryReader openLatest(Directory directory, DirectoryReader previous) throws IOException {
    if (previous != null) {
      try {
        DirectoryReader changed = DirectoryReader.openIfChanged(previous);
        if (changed != null) {
          return changed;
        }
      } catch (AlreadyClosedException e) {
        LOG.debug("the previous index reader is closed; opening the index anew", e);
      }
    }
    return DirectoryReader.open(directory);
  }

  /**
   * Checks every file of every segment against its checksum, but those of segments shared with
   * {@code previous}, checked when it opened them: a torn or corrupt index is never served.
   */
  private static void verify(DirectoryReader reader, DirectoryReader previous) throws IOException {
    Set<Object> checked = new HashSet<>();
    try {
      for (LeafReaderContext leaf : previous == null ? List.<LeafReaderContext>of() : previous.leaves()) {
        checked.add(leaf.reader().getCoreCacheHelper().getKey());
      }
    } catch (AlreadyClosedException e) {
      checked.clear(); // closed meanwhile: check everything
    }
    for (LeafReaderContext leaf : reader.leaves()) {
      if (!checked.contains(leaf.reader().getCoreCacheHelper().getKey())) {
        leaf.reader().checkIntegrity();
      }
    }
  }

  /** What an update did: built the index anew or updated it, and how many articles it indexed. */
  private record Written(Outcome outcome, int articles) {}

  /** Brings the index in {@code directory} to {@code wanted}, article by article where it can. */
  private static Written update(Directory directory, Path folder, Corpus corpus, Analyzer analyzer,
      Map<String, String> wanted, int threads) throws IOException {
    Map<String, String> present = Map.of();
    boolean fresh = true;
    try {
      if (DirectoryReader.indexExists(directory)) {
        Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
        if (schema().equals(data.get(SCHEMA_KEY))) {
          present = articles(data);
          fresh = false;
        } else {
          LOG.info("index in {} was written by another version ({}); building it anew", folder, data.get(SCHEMA_KEY));
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("index in {} cannot be read ({}); building it anew", folder, e.toString());
    }
    long start = System.nanoTime();
    int changed;
    try {
      changed = write(directory, corpus, analyzer, present, wanted, fresh, threads);
    } catch (IOException | RuntimeException e) {
      if (fresh) {
        throw e;
      }
      LOG.warn("index in {} cannot be updated ({}); building it anew", folder, e.toString());
      changed = write(directory, corpus, analyzer, Map.of(), wanted, true, threads);
      fresh = true;
    }
    LOG.info("index in {} {} in {} ms: {} of {} articles indexed", folder, fresh ? "built" : "updated",
        (System.nanoTime() - start) / 1_000_000, changed, corpus.articles().size());
    return new Written(fresh ? Outcome.BUILT : Outcome.UPDATED, changed);
  }

  /**
   * Deletes the articles of {@code present} whose hash is not the one {@code wanted}, adds those of
   * {@code corpus} that the index lacks, and commits with the new hashes. {@code fresh} starts from a
   * folder emptied of the index's files instead (other files, such as the parsed articles serve keeps
   * there, stay). Returns how many articles were added.
   */
  private static int write(Directory directory, Corpus corpus, Analyzer analyzer, Map<String, String> present,
      Map<String, String> wanted, boolean fresh, int threads) throws IOException {
    if (fresh) {
      for (String file : directory.listAll()) {
        if (isIndexFile(file)) {
          directory.deleteFile(file);
        }
      }
    }
    try (IndexWriter writer = writer(directory, analyzer,
        fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)) {
      for (Map.Entry<String, String> article : present.entrySet()) {
        if (!article.getValue().equals(wanted.get(article.getKey()))) {
          writer.deleteDocuments(new Term(IndexSchema.ARTICLE, article.getKey()));
        }
      }
      List<Article> added = corpus.articles().stream()
          .filter(a -> !Objects.equals(present.get(a.file()), wanted.get(a.file())))
          .toList();
      add(writer, corpus, added, threads);
      Map<String, String> data = new HashMap<>();
      data.put(SCHEMA_KEY, schema());
      data.put(CORPUS_KEY, corpusKey(wanted));
      wanted.forEach((file, hash) -> data.put(ARTICLE_PREFIX + file, hash));
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
      return added.size();
    }
  }

  /**
   * Adds the passages of {@code articles}, from all cores: analysis (smartcn segmentation above all)
   * is nearly all of the cost, and the writer analyses on the adding thread. Which thread adds which
   * article changes document numbers only, and search orders equal scores by passage, not by
   * document number (see {@link PassageIndex#top}).
   */
  private static void add(IndexWriter writer, Corpus corpus, List<Article> articles, int threads) throws IOException {
    Map<Article, List<Passage>> passages = corpus.byArticle();
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < articles.size(); i = next.getAndIncrement()) {
        List<Passage> ofArticle = passages.getOrDefault(articles.get(i), List.of());
        for (int ordinal = 0; ordinal < ofArticle.size(); ordinal++) {
          try {
            writer.addDocument(IndexSchema.document(ofArticle.get(ordinal), ordinal));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    };
    if (threads == 1) {
      run(worker);
      return;
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("index-", 0).factory())) {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(pool.submit(worker));
      }
      for (Future<?> one : running) {
        one.get();
      }
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing", e);
    }
  }

  /**
   * The writer's RAM buffer is on the heap: 48 MB flushes a 10,000-article build in a few segments
   * and leaves room, inside a 384 MB heap, for the live library beside a reload.
   */
  private static IndexWriter writer(Directory directory, Analyzer analyzer, IndexWriterConfig.OpenMode mode)
      throws IOException {
    return new IndexWriter(directory, new IndexWriterConfig(analyzer)
        .setOpenMode(mode)
        .setRAMBufferSizeMB(48)
        .setCommitOnClose(false));
  }

  /** How many threads should index {@code passages} passages: all cores, unless there are too few to share. */
  static int threadsFor(int passages) {
    return passages < PARALLEL_FROM ? 1 : Runtime.getRuntime().availableProcessors();
  }

  private static void run(Runnable worker) throws IOException {
    try {
      worker.run();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static IOException unwrap(Throwable cause) {
    return switch (cause) {
      case UncheckedIOException io -> io.getCause();
      case IOException io -> io;
      case RuntimeException runtime -> throw runtime;
      case Error error -> throw error;
      default -> new IOException(cause);
    };
  }

  /**
   * The reader with, for each document, the position of its passage in {@code corpus}.
   *
   * @param folder where the index is stored, or {@code null} for one in memory
   */
  private static Opened opened(DirectoryReader reader, Corpus corpus, Outcome outcome, int indexedArticles,
      Path folder) throws IOException {
    // An article's passages are consecutive in the corpus: by file, its first passage and how many it has.
    Map<String, int[]> spans = new HashMap<>();
    List<Passage> passages = corpus.passages();
    for (int end = 0, start = 0; start < passages.size(); start = end) {
      Article article = passages.get(start).article();
      while (end < passages.size() && passages.get(end).article() == article) {
        end++;
      }
      spans.putIfAbsent(article.file(), new int[] {start, end - start});
    }
    int[] passageOfDoc = new int[reader.maxDoc()];
    Arrays.fill(passageOfDoc, -1);
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader segment = leaf.reader();
      SortedDocValues articles = segment.getSortedDocValues(IndexSchema.ARTICLE);
      NumericDocValues ordinals = segment.getNumericDocValues(IndexSchema.ORDINAL);
      Bits live = segment.getLiveDocs();
      if (articles == null || ordinals == null) {
        continue;
      }
      // Per article of the segment (by its ordinal there), its span in the corpus: one lookup per article, not per passage.
      String[] labels = new String[articles.getValueCount()];
      int[][] spanOf = new int[labels.length][];
      for (int ord = 0; ord < labels.length; ord++) {
        labels[ord] = articles.lookupOrd(ord).utf8ToString();
        spanOf[ord] = spans.get(labels[ord]);
      }
      for (int doc = 0; doc < segment.maxDoc(); doc++) {
        if ((live != null && !live.get(doc)) || !articles.advanceExact(doc) || !ordinals.advanceExact(doc)) {
          continue;
        }
        int[] span = spanOf[articles.ordValue()];
        int ordinal = (int) ordinals.longValue();
        if (span == null || ordinal >= span[1]) {
          reader.close();
          throw new IOException("the index holds passage " + ordinal + " of " + labels[articles.ordValue()]
              + ", which the content lacks");
        }
        passageOfDoc[leaf.docBase + doc] = span[0] + ordinal;
      }
    }
    String id = reader instanceof StandardDirectoryReader standard
        ? HexFormat.of().formatHex(standard.getSegmentInfos().getId()) : "";
    Optional<Stored> stored = folder == null ? Optional.empty() : Optional.of(new Stored(folder,
        reader.getIndexCommit().getSegmentsFileName() + "/" + id + "/" + reader.getIndexCommit().getUserData().get(CORPUS_KEY)));
    return new Opened(reader, passageOfDoc, outcome, indexedArticles, stored);
  }

  /** One hash of the whole corpus as indexed, and of the schema it was indexed with. */
  private static String corpusKey(Map<String, String> hashes) {
    MessageDigest digest = sha256();
    digest.update(schema().getBytes(StandardCharsets.UTF_8));
    // One update of the whole text: the same bytes as one per article, without 10,000 small conversions and updates.
    StringBuilder text = new StringBuilder(hashes.size() * 128);
    hashes.forEach((file, hash) -> text.append(file).append('\u0000').append(hash).append('\n'));
    digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String schema() {
    return SCHEMA_VERSION + "/lucene-" + Version.LATEST;
  }

  private static Map<String, String> articles(Map<String, String> userData) {
    Map<String, String> articles = new HashMap<>();
    userData.forEach((key, value) -> {
      if (key.startsWith(ARTICLE_PREFIX)) {
        articles.put(key.substring(ARTICLE_PREFIX.length()), value);
      }
    });
    return articles;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void closeQuietly(DirectoryReader reader) {
    if (reader == null) {
      return;
    }
    try {
      reader.close();
    } catch (IOException | AlreadyClosedException e) {
      LOG.debug("closing an unusable index reader failed", e);
    }
  }
}
