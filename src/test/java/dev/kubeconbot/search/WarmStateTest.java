package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.content.ContentException;
import dev.kubeconbot.content.ContentLoader;
import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.testing.CapturedLog;
import dev.kubeconbot.testing.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up saved beside the persisted index: read back on unchanged content, computed again otherwise. */
class WarmStateTest {

  /** A time no write of this test can have: a file that still has it was not rewritten. */
  private static final FileTime LONG_AGO = FileTime.fromMillis(86_400_000L);

  @TempDir
  Path content;
  @TempDir
  Path index;

  private CapturedLog log;

  @BeforeEach
  void copySeedsAndCaptureLog() throws IOException {
    try (Stream<Path> files = Files.list(Seeds.CONTENT)) {
      for (Path file : files.toList()) {
        Files.copy(file, content.resolve(file.getFileName()));
      }
    }
    log = CapturedLog.named("dev.kubeconbot.search");
  }

  @AfterEach
  void stopCapturing() {
    log.close();
  }

  private Library persisted() throws ContentException {
    Corpus corpus = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES).load(List.of(content));
    return Library.of(PassageIndex.open(index, corpus), Seeds.glossary(), Seeds.lexicon(), Seeds.shortForms(), Seeds.calendar());
  }

  /** Everything the saved state answers: per topic its matches (counts, best passage and score) and mentions, and the words. */
  private static List<String> warm(Library library) {
    List<String> seen = new ArrayList<>();
    for (Glossary.Topic topic : library.glossary().topics()) {
      library.matchesByEdition(library.plan(topic.name())).forEach((edition, matches) -> seen.add(topic.name() + " "
          + edition.label() + " " + matches.count() + " " + (matches.best() == null ? "-"
          : matches.best().passage().id() + "@" + matches.best().score())));
      seen.add(topic.name() + " " + library.mentions(topic));
    }
    library.wordCounts(edition -> true, edition -> edition.year() < 2020, 1)
        .forEach(word -> seen.add(word.toString()));
    seen.sort(null);
    return seen;
  }

  private Path saved() {
    return index.resolve(WarmState.FILE);
  }

  @Test
  void aRestartOnUnchangedContentReadsTheWarmUpBack() throws Exception {
    List<String> computed;
    try (Library first = persisted()) {
      first.prepare();
      computed = warm(first);
    }
    assertThat(computed).anyMatch(line -> line.startsWith("WebAssembly KubeCon EU 2022 ") && !line.contains(" 0 -"));
    Files.setLastModifiedTime(saved(), LONG_AGO);

    try (Library restarted = persisted()) {
      restarted.prepare();
      assertThat(Files.getLastModifiedTime(saved())).as("read, not computed and saved again").isEqualTo(LONG_AGO);
      assertThat(warm(restarted)).isEqualTo(computed);
    }
    assertThat(log.messages()).noneMatch(m -> m.contains("computing it"));
  }

  @Test
  void aChangedFileComputesItAgain() throws Exception {
    int before;
    try (Library first = persisted()) {
      first.prepare();
      before = first.count(first.glossary().topic("wasm").orElseThrow());
    }
    Files.setLastModifiedTime(saved(), LONG_AGO);
    Path changed = content.resolve("2021-eu-3-key-takeaways.md");
    Files.writeString(changed, Files.readString(changed) + "\n\nWebAssembly in the proxy was a hallway favourite.\n");

    try (Library updated = persisted()) {
      updated.prepare();
      assertThat(Files.getLastModifiedTime(saved())).isNotEqualTo(LONG_AGO);
      assertThat(updated.count(updated.glossary().topic("wasm").orElseThrow())).isEqualTo(before + 1);
      List<String> computed = warm(updated);
      try (Library restarted = persisted()) {
        restarted.prepare();
        assertThat(warm(restarted)).isEqualTo(computed);
      }
    }
    assertThat(log.messages()).anyMatch(m -> m.contains("of other content or settings; computing it"));
  }

  /** What {@code seen} sees of a library on the content and index folder, prepared (computed or read back). */
  private List<String> prepared(Function<Library, List<String>> seen) throws ContentException {
    try (Library library = persisted()) {
      library.prepare();
      return seen.apply(library);
    }
  }

  @Test
  void aDamagedFileIsComputedAgainNeverServed() throws Exception {
    List<String> computed = prepared(WarmStateTest::warm);
    byte[] bytes = Files.readAllBytes(saved());
    // A byte of the first topic's first count, after the key (its length and 64 hex digits): still a
    // plausible count, so only the checksum tells.
    bytes[2 + 64 + 2] ^= 0x5a;
    Files.write(saved(), bytes);

    assertThat(prepared(WarmStateTest::warm)).isEqualTo(computed);
    assertThat(log.messages()).anyMatch(m -> m.contains("cannot be read") && m.contains("checksum"));
  }

  /** Each topic's best passages for a question that ranks by it beside another word: what its scored matches decide. */
  private static List<String> ranked(Library library) {
    List<String> seen = new ArrayList<>();
    for (Glossary.Topic topic : library.glossary().topics()) {
      library.search(library.plan(topic.name() + " community"), Match.RANKED, null, 5)
          .forEach(hit -> seen.add(topic.name() + " " + hit.passage().id() + "@" + hit.score()));
    }
    return seen;
  }

  @Test
  void aRestartRanksWithTheScoredMatchesItReadBack() throws Exception {
    List<String> computed = prepared(WarmStateTest::ranked);
    assertThat(computed).isNotEmpty();
    assertThat(prepared(WarmStateTest::ranked)).isEqualTo(computed);
    assertThat(log.messages()).noneMatch(m -> m.contains("computing it"));
  }

  @Test
  void theWarmUpOfAnotherCommitOfTheSameContentIsNotUsed() throws Exception {
    List<String> computed = prepared(WarmStateTest::ranked);
    byte[] warmUp = Files.readAllBytes(saved());
    // A damaged segment: the index is built anew, for the same content, in a new commit whose
    // documents may be numbered otherwise; the old warm-up is put back as if it had survived.
    Path largest;
    try (Stream<Path> files = Files.list(index)) {
      largest = files.filter(f -> f.getFileName().toString().startsWith("_"))
          .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(largest);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(largest, bytes);
    persisted().close();
    Files.write(saved(), warmUp);

    assertThat(prepared(WarmStateTest::ranked)).isEqualTo(computed);
    assertThat(log.messages()).anyMatch(m -> m.contains("of other content or settings; computing it"));
  }
}
