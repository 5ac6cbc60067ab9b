package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.content.ContentException;
import dev.kubeconbot.content.ContentLoader;
import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.testing.CapturedLog;
import dev.kubeconbot.testing.Seeds;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persisted index: reopened, updated or rebuilt, never served when it cannot be trusted. */
class IndexStoreTest {

  @TempDir
  Path content;
  @TempDir
  Path index;

  private final Analyzer analyzer = Analyzers.perField();
  /** The index's log: a damaged index is warned about, and a green run should not print that. */
  private CapturedLog log;

  @BeforeEach
  void captureLog() {
    log = CapturedLog.named("dev.kubeconbot.search");
  }

  @AfterEach
  void stopCapturing() {
    log.close();
  }

  private Corpus seeds() throws IOException, ContentException {
    try (Stream<Path> files = Files.list(Seeds.CONTENT)) {
      for (Path file : files.toList()) {
        Files.copy(file, content.resolve(file.getFileName()));
      }
    }
    return corpus();
  }

  private Corpus corpus() throws ContentException {
    return new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES).load(List.of(content));
  }

  private IndexStore.Opened open(Corpus corpus) throws IOException {
    return IndexStore.onDisk(index, corpus, analyzer, 2);
  }

  /** Which passages each search matches, and how many per edition, in no order. */
  private static List<String> matches(Library library) {
    List<String> found = new ArrayList<>();
    for (Glossary.Topic topic : library.glossary().topics()) {
      for (Match match : Match.values()) {
        library.search(library.plan(topic.name()), match, null, 1_000)
            .forEach(hit -> found.add(topic.name() + " " + match + " " + hit.passage().id()));
      }
      library.matchesByEdition(library.plan(topic.name()))
          .forEach((edition, matches) -> found.add(topic.name() + " " + edition + " " + matches.count()));
    }
    found.sort(null);
    return found;
  }

  private static Library library(PassageIndex index) {
    return Library.of(index, Seeds.glossary(), Seeds.lexicon(), Seeds.shortForms(), Seeds.calendar());
  }

  @Test
  void anUnchangedCorpusIsReopenedAsItWasWritten() throws Exception {
    Corpus corpus = seeds();
    IndexStore.Opened first = open(corpus);
    assertThat(first.outcome()).isEqualTo(IndexStore.Outcome.BUILT);
    assertThat(first.indexedArticles()).isEqualTo(5);
    first.reader().close();

    IndexStore.Opened again = open(corpus());
    assertThat(again.outcome()).isEqualTo(IndexStore.Outcome.REOPENED);
    assertThat(again.indexedArticles()).isZero();
    assertThat(again.reader().numDocs()).isEqualTo(corpus.passages().size());
    again.reader().close();
  }

  @Test
  void oneChangedFileReindexesThatArticleOnly() throws Exception {
    Corpus before = seeds();
    open(before).reader().close();
    Path changed = content.resolve("2021-eu-3-key-takeaways.md");
    Files.writeString(changed, Files.readString(changed) + "\n\nZanzibar-style authorization was a hallway favourite.\n");

    Corpus after = corpus();
    IndexStore.Opened updated = open(after);
    assertThat(updated.outcome()).isEqualTo(IndexStore.Outcome.UPDATED);
    assertThat(updated.indexedArticles()).isEqualTo(1);
    try (PassageIndex passages = PassageIndex.open(index, after)) {
      Library library = library(passages);
      assertThat(library.search(library.plan("zanzibar"), Match.RANKED, null, 5))
          .extracting(hit -> hit.passage().article().file()).containsExactly(changed.toString());
      assertThat(passages.size()).isEqualTo(after.passages().size());
      // Searches find the same passages as an index built from nothing. (Not always in the same order:
      // until segments merge, the replaced documents still count in the term statistics BM25 uses.)
      try (PassageIndex fresh = PassageIndex.build(after, 1)) {
        assertThat(matches(library)).isEqualTo(matches(library(fresh)));
      }
    }
    updated.reader().close();
  }

  @Test
  void aReloadSharesTheUnchangedSegmentsWithTheLiveIndexAndOutlivesIt() throws Exception {
    Corpus before = seeds();
    IndexStore.Opened live = open(before);
    Path changed = content.resolve("2021-eu-3-key-takeaways.md");
    Files.writeString(changed, Files.readString(changed) + "\n\nZanzibar-style authorization was a hallway favourite.\n");
    Corpus after = corpus();

    IndexStore.Opened reloaded = IndexStore.onDisk(index, after, analyzer, 2, live.reader());
    assertThat(reloaded.outcome()).isEqualTo(IndexStore.Outcome.UPDATED);
    // The segment of the four unchanged articles is the live index's own, not a second copy of it.
    assertThat(cores(reloaded.reader())).containsAnyElementsOf(cores(live.reader()));
    live.reader().close();
    try (PassageIndex passages = PassageIndex.open(index, after); PassageIndex fresh = PassageIndex.build(after, 1)) {
      assertThat(reloaded.reader().numDocs()).isEqualTo(after.passages().size());
      assertThat(matches(library(passages))).isEqualTo(matches(library(fresh)));
    }

    // A live index closed meanwhile (its reload refused, say) shares nothing, and spoils nothing.
    Files.writeString(changed, Files.readString(changed) + "\n\nSpiffe came up in every identity talk.\n");
    IndexStore.Opened again = IndexStore.onDisk(index, corpus(), analyzer, 2, live.reader());
    assertThat(again.outcome()).isEqualTo(IndexStore.Outcome.UPDATED);
    assertThat(again.reader().numDocs()).isEqualTo(corpus().passages().size());
    reloaded.reader().close();
    again.reader().close();
  }

  private static List<IndexReader.CacheKey> cores(DirectoryReader reader) {
    return reader.leaves().stream().map(leaf -> leaf.reader().getCoreCacheHelper().getKey()).toList();
  }

  @Test
  void aRemovedFileLeavesTheIndex() throws Exception {
    seeds();
    open(corpus()).reader().close();
    Files.delete(content.resolve("2019-eu-top-10-takeaways.md"));
    Corpus after = corpus();
    IndexStore.Opened updated = open(after);
    assertThat(updated.outcome()).isEqualTo(IndexStore.Outcome.UPDATED);
    assertThat(updated.indexedArticles()).isZero();
    assertThat(updated.reader().numDocs()).isEqualTo(after.passages().size());
    updated.reader().close();
  }

  @Test
  void anIndexOfAnotherSchemaVersionIsBuiltAnew() throws Exception {
    Corpus corpus = seeds();
    open(corpus).reader().close();
    try (FSDirectory directory = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
            .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = new java.util.HashMap<>();
      writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      data.put("schema", "0/lucene-9.0.0");
      data.put("corpus", "written by an older bot");
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    }
    IndexStore.Opened again = open(corpus);
    assertThat(again.outcome()).isEqualTo(IndexStore.Outcome.BUILT);
    assertThat(again.indexedArticles()).isEqualTo(5);
    again.reader().close();
  }

  /** Flips a byte in the middle of the largest file (postings or terms): its checksum no longer holds. */
  private void damageTheLargestFile() throws IOException {
    Path largest;
    try (Stream<Path> files = Files.list(index)) {
      largest = files.max(Comparator.comparingLong(IndexStoreTest::size)).orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(largest);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(largest, bytes);
  }

  @Test
  void aCorruptIndexIsRebuiltAndNeverServed() throws Exception {
    Corpus corpus = seeds();
    open(corpus).reader().close();
    damageTheLargestFile();

    IndexStore.Opened again = open(corpus);
    assertThat(again.outcome()).isEqualTo(IndexStore.Outcome.BUILT);
    assertThat(log.messages()).anyMatch(m -> m.contains("cannot be used") && m.contains("checksum failed"));
    again.reader().close();
    try (PassageIndex passages = PassageIndex.open(index, corpus); PassageIndex fresh = PassageIndex.build(corpus, 1)) {
      assertThat(matches(library(passages))).isEqualTo(matches(library(fresh)));
    }
  }

  @Test
  void aHalfWrittenCommitIsRebuilt() throws Exception {
    Corpus corpus = seeds();
    open(corpus).reader().close();
    // A crash while committing: a newer segments file, cut short, and a stray segment file.
    Files.write(index.resolve("segments_9"), new byte[] {0x3f, (byte) 0xd7, 0x6c, 0x17, 0, 0});
    Files.write(index.resolve("_zz.cfs"), new byte[100]);
    Path notTheIndex = Files.writeString(index.resolve("kubecon-bot-articles.bin"), "kept");
    IndexStore.Opened again = open(corpus);
    assertThat(again.outcome()).isEqualTo(IndexStore.Outcome.BUILT);
    assertThat(again.reader().numDocs()).isEqualTo(corpus.passages().size());
    again.reader().close();
    assertThat(index.resolve("_zz.cfs")).doesNotExist();
    assertThat(notTheIndex).as("a rebuild deletes the index's own files only").hasContent("kept");
    assertThat(log.messages()).anyMatch(m -> m.contains("cannot be read"));
  }

  @Test
  void twoBotProcessesOnOneFolderTakeTurnsAndOneReopensWhatTheOtherBuilt() throws Exception {
    Corpus corpus = seeds();
    List<Process> bots = List.of(openInAnotherProcess(), openInAnotherProcess());
    List<BufferedReader> outputs = new ArrayList<>();
    for (Process bot : bots) {
      outputs.add(bot.inputReader(StandardCharsets.UTF_8));
      assertThat(outputs.getLast().readLine()).isEqualTo("loaded");
    }
    // Both open the folder at once: the lock file makes one wait while the other builds.
    for (Process bot : bots) {
      bot.outputWriter(StandardCharsets.UTF_8).write("go\n");
      bot.outputWriter(StandardCharsets.UTF_8).flush();
    }
    List<String> said = new ArrayList<>();
    for (int i = 0; i < bots.size(); i++) {
      said.add(outputs.get(i).readLine());
      assertThat(bots.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(bots.get(i).exitValue()).isZero();
    }
    int passages = corpus.passages().size();
    assertThat(said).containsExactlyInAnyOrder("BUILT " + passages, "REOPENED " + passages);
  }

  /** A JVM of its own running {@link IndexStoreProcess} on this test's folders, with the test's class path. */
  private Process openInAnotherProcess() throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        IndexStoreProcess.class.getName(), content.toString(), index.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  @Test
  void aFolderThatCannotBeWrittenFallsBackToMemory() throws Exception {
    Corpus corpus = seeds();
    Path file = Files.writeString(index.resolve("not-a-folder"), "x");
    try (PassageIndex passages = PassageIndex.open(file.resolve("index"), corpus)) {
      assertThat(passages.size()).isEqualTo(corpus.passages().size());
    }
    assertThat(log.messages()).anyMatch(m -> m.contains("cannot be used") && m.contains("indexing in memory instead"));
  }

  @Test
  void aParallelBuildFindsWhatASerialBuildFinds() throws Exception {
    Corpus corpus = Seeds.library().corpus();
    // The same passages and counts; equal scores at the cut of a top-k may keep a different passage
    // (PassageIndex.top orders ties after the search, which costs a third of a field sort inside it).
    try (PassageIndex serial = PassageIndex.build(corpus, 1); PassageIndex parallel = PassageIndex.build(corpus, 4)) {
      assertThat(matches(library(parallel))).isNotEmpty().isEqualTo(matches(library(serial)));
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private IndexStore.Opened open(Corpus corpus, IndexStore.Peek peek) throws IOException {
    return IndexStore.onDisk(index, corpus, analyzer, 2, null, peek);
  }

  @Test
  void aCommitOpenedBeforeTheContentIsReadIsServedWhenItIsTheContentsIndex() throws Exception {
    Corpus corpus = seeds();
    open(corpus).reader().close();
    try (IndexStore.Peek peek = IndexStore.Peek.at(index)) {
      IndexStore.Opened again = open(corpus(), peek);
      assertThat(again.outcome()).isEqualTo(IndexStore.Outcome.REOPENED);
      assertThat(again.reader().numDocs()).isEqualTo(corpus.passages().size());
      again.reader().close();
    }
    try (IndexStore.Peek nothing = IndexStore.Peek.at(index.resolve("not-yet"))) {
      IndexStore.Opened built = IndexStore.onDisk(index.resolve("not-yet"), corpus, analyzer, 2, null, nothing);
      assertThat(built.outcome()).isEqualTo(IndexStore.Outcome.BUILT);
      built.reader().close();
    }
  }

  @Test
  void aCommitOpenedBeforeTheContentChangedIsClosedAndTheIndexUpdated() throws Exception {
    Corpus before = seeds();
    open(before).reader().close();
    IndexStore.Peek peek = IndexStore.Peek.at(index);
    Path changed = content.resolve("2021-eu-3-key-takeaways.md");
    Files.writeString(changed, Files.readString(changed) + "\n\nZanzibar-style authorization was a hallway favourite.\n");
    IndexStore.Opened updated = open(corpus(), peek);
    assertThat(updated.outcome()).isEqualTo(IndexStore.Outcome.UPDATED);
    assertThat(updated.indexedArticles()).isEqualTo(1);
    updated.reader().close();
    peek.close();
  }

  @Test
  void aCorruptIndexOpenedBeforeTheContentIsReadIsRebuiltAndNeverServed() throws Exception {
    Corpus corpus = seeds();
    open(corpus).reader().close();
    damageTheLargestFile();

    try (IndexStore.Peek peek = IndexStore.Peek.at(index)) {
      assertThat(log.messages()).anyMatch(m -> m.contains("cannot be used") && m.contains("checksum failed"));
      IndexStore.Opened again = open(corpus, peek);
      assertThat(again.outcome()).isEqualTo(IndexStore.Outcome.BUILT);
      again.reader().close();
    }
    try (PassageIndex passages = PassageIndex.open(index, corpus); PassageIndex fresh = PassageIndex.build(corpus, 1)) {
      assertThat(matches(library(passages))).isEqualTo(matches(library(fresh)));
    }
  }

  @Test
  void aCommitTakenFromThePeekOutlivesIt() throws Exception {
    open(seeds()).reader().close();
    IndexStore.Peek peek = IndexStore.Peek.at(index);
    IndexStore.Opened taken = open(corpus(), peek);
    peek.close();
    assertThat(taken.reader().numDocs()).isEqualTo(corpus().passages().size());
    assertThat(peek.take("any")).as("taken once").isEmpty();
    taken.reader().close();
  }
}
