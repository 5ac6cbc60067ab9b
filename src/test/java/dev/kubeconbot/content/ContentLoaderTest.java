package dev.kubeconbot.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeconbot.testing.CapturedLog;
import dev.kubeconbot.testing.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {

  private final ContentLoader loader = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES);

  @Test
  void loadsTheFiveSeedArticles() throws ContentException {
    Corpus corpus = loader.load(List.of(Seeds.CONTENT));
    assertThat(corpus.articles()).hasSize(5);
    assertThat(corpus.skipped()).isEmpty();
    assertThat(corpus.years()).containsExactly(2019, 2020, 2021, 2022);
    assertThat(corpus.articles()).allSatisfy(a -> {
      assertThat(a.source()).startsWith("https://");
      assertThat(a.edition().hasYear()).isTrue();
    });
  }

  @Test
  void skipsBadFilesAndKeepsTheRest(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("good.md"), "# KubeCon EU 2021\n\nGitOps everywhere.\n");
    Files.writeString(dir.resolve("broken.md"), "---\ntitle: [oops\n---\ntext\n");
    Files.write(dir.resolve("binary.md"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    Files.writeString(dir.resolve("notes.txt"), "not markdown, not loaded");
    Corpus corpus;
    try (CapturedLog log = CapturedLog.of(ContentLoader.class)) {
      corpus = loader.load(List.of(dir));
      assertThat(log.messages()).hasSize(2).anySatisfy(line -> assertThat(line)
          .startsWith("Skipping content file " + dir.resolve("binary.md") + ": it is not UTF-8 text"));
    }
    assertThat(corpus.articles()).extracting(Article::id).containsExactly("good");
    assertThat(corpus.skipped()).extracting(SkippedFile::file)
        .containsExactlyInAnyOrder(dir.resolve("broken.md").toString(), dir.resolve("binary.md").toString());
    assertThat(corpus.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
  }

  @Test
  void aReloadParsesOnlyChangedFilesAndSharesTheRestWithTheLiveCorpus(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("kept.md"), "# Kept\n\nService mesh talks filled the biggest room at KubeCon EU 2019.\n");
    Files.writeString(dir.resolve("edited.md"), "# Edited\n\nWebAssembly was new at KubeCon EU 2021.\n");
    ContentLoader.Memory memory = new ContentLoader.Memory();
    ContentLoader reloading = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES, memory);
    Corpus live = reloading.load(List.of(dir));
    Files.writeString(dir.resolve("edited.md"), "# Edited\n\nWebAssembly came of age at KubeCon EU 2021.\n");
    Files.writeString(dir.resolve("added.md"), "# Added\n\nGitOps was everywhere at KubeCon NA 2020.\n");

    Corpus reloaded = reloading.load(List.of(dir));
    assertThat(reloaded.articles()).extracting(Article::title).containsExactly("Added", "Edited", "Kept");
    // The unchanged file's article and passage text are the live corpus's own objects: no second copy.
    assertThat(reloaded.articles().get(2)).isSameAs(live.articles().get(1));
    assertThat(reloaded.passages().getLast().text()).isSameAs(live.passages().getLast().text());
    assertThat(reloaded.passages().getLast()).isEqualTo(new Passage(2, live.articles().get(1), live.passages().getLast().section(),
        live.passages().getLast().text(), live.passages().getLast().linkWords()));
    assertThat(reloaded.articles().get(1).blocks().getLast().text()).contains("came of age");
    assertThat(reloaded.passages()).extracting(Passage::id).containsExactly(0, 1, 2);

    // Read with another size cap (or calendar, which infers editions), everything is read again.
    Corpus otherCalendar = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES - 1, memory)
        .load(List.of(dir));
    assertThat(otherCalendar.articles().get(2)).isEqualTo(reloaded.articles().get(2)).isNotSameAs(reloaded.articles().get(2));
  }

  @Test
  void aSavedMemorySparesARestartTheParsingOfUnchangedFiles(@TempDir Path dir, @TempDir Path index) throws Exception {
    Files.writeString(dir.resolve("kept.md"), "# Kept\n\nService mesh talks filled the biggest room at KubeCon EU 2019"
        + " ([the schedule](https://example.org/kubecon-eu-2019/service-mesh-schedule)).\n");
    Files.writeString(dir.resolve("edited.md"), "# Edited\n\nWebAssembly was new at KubeCon EU 2021.\n");
    Path saved = index.resolve("articles.bin");
    Corpus first;
    try (CapturedLog log = CapturedLog.of(ArticleReader.class)) {
      first = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES, ContentLoader.Memory.savedIn(saved))
          .load(List.of(dir));
      assertThat(log.messages()).anyMatch(m -> m.contains("kept.md") && m.contains("title from first heading"));
    }
    assertThat(saved).exists();

    Files.writeString(dir.resolve("edited.md"), "# Edited\n\nWebAssembly came of age at KubeCon EU 2021.\n");
    try (CapturedLog log = CapturedLog.of(ArticleReader.class)) {
      Corpus restarted = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES,
          ContentLoader.Memory.savedIn(saved)).load(List.of(dir));
      // Only the edited file was parsed (its inference logged); the other came back as it was read.
      assertThat(log.messages()).anyMatch(m -> m.contains("edited.md")).noneMatch(m -> m.contains("kept.md"));
      assertThat(restarted.articles().get(1)).isEqualTo(first.articles().get(1));
      assertThat(restarted.articles().get(1).blocks().getLast().links()).isNotEmpty();
      assertThat(restarted.passages().get(1)).isEqualTo(first.passages().get(1));
      assertThat(restarted.passages()).extracting(Passage::text)
          .containsExactly("WebAssembly came of age at KubeCon EU 2021.", first.passages().get(1).text());
    }

    byte[] bytes = Files.readAllBytes(saved);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(saved, bytes);
    try (CapturedLog log = CapturedLog.named("dev.kubeconbot.content")) {
      Corpus damaged = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES,
          ContentLoader.Memory.savedIn(saved)).load(List.of(dir));
      assertThat(log.messages()).anyMatch(m -> m.contains("cannot be read") && m.contains("parsing the content"))
          .anyMatch(m -> m.contains("kept.md"));
      assertThat(damaged.articles()).isEqualTo(new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES)
          .load(List.of(dir)).articles());
    }
  }

  @Test
  void aRestartOnUnchangedContentTakesTheSavedCorpusWhole(@TempDir Path dir, @TempDir Path index) throws Exception {
    try (Stream<Path> files = Files.list(Seeds.CONTENT)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
    Path saved = index.resolve("articles.bin");
    Corpus parsed = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES, ContentLoader.Memory.savedIn(saved))
        .load(List.of(dir));

    ContentLoader.Memory memory = ContentLoader.Memory.savedIn(saved);
    Corpus read = memory.last().corpus();
    Corpus restarted = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES, memory).load(List.of(dir));
    assertThat(restarted.articles()).isEqualTo(parsed.articles());
    assertThat(restarted.passages()).isEqualTo(parsed.passages()).as("the saved corpus, taken whole").isSameAs(read.passages());
    assertThat(restarted.fingerprints()).isEqualTo(parsed.fingerprints()).hasSameSizeAs(parsed.articles())
        .isSameAs(read.fingerprints());
    Corpus reloaded = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES, memory).load(List.of(dir));
    assertThat(reloaded.passages()).as("taken whole, not numbered anew").isSameAs(restarted.passages());
    assertThat(reloaded.fingerprints()).isSameAs(restarted.fingerprints());
  }

  @Test
  void theSavedArticlesOfTheSeedsComeBackEqual(@TempDir Path index) throws Exception {
    // A field added to Article, Block or their parts that ArticleStore does not save fails here.
    Path saved = index.resolve("articles.bin");
    Corpus parsed = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES, ContentLoader.Memory.savedIn(saved))
        .load(List.of(Seeds.CONTENT));
    Corpus restored = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES,
        ContentLoader.Memory.savedIn(saved)).load(List.of(Seeds.CONTENT));
    assertThat(restored.articles()).isEqualTo(parsed.articles());
    assertThat(restored.passages()).isEqualTo(parsed.passages());
    // Read back, not hashed again, the fingerprints are those of the passages as split afresh.
    assertThat(restored.fingerprints()).isEqualTo(Corpus.of(parsed.articles(), List.of()).fingerprints())
        .hasSameSizeAs(parsed.articles());
    // A passage that is a whole paragraph, and its section, are the article's own strings, held once.
    Passage whole = restored.passages().stream()
        .filter(p -> p.article().blocks().stream().anyMatch(b -> b.text().equals(p.text())))
        .filter(p -> !p.section().isEmpty())
        .findFirst().orElseThrow();
    assertThat(whole.article().blocks()).anySatisfy(b -> assertThat(b.text()).isSameAs(whole.text()))
        .anySatisfy(b -> assertThat(b.text()).isSameAs(whole.section()));
  }

  @Test
  void aFileIsTakenAsUnchangedOnlyWhileItsStampIsAndNoEditGoesUnseen(@TempDir Path dir, @TempDir Path index)
      throws Exception {
    Path file = dir.resolve("edited.md");
    Files.writeString(file, "# Edited\n\nWebAssembly was new at KubeCon EU 2021.\n");
    Path saved = index.resolve("articles.bin");
    // A clock a minute ahead: the files written just now count as long settled.
    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));
    ContentLoader.Memory memory = ContentLoader.Memory.savedIn(saved);
    Corpus first = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES, memory, later).load(List.of(dir));
    ContentLoader.Memory.Known known = ArticleStore.read(saved).orElseThrow().byLabel().get(file.toString());
    assertThat(known.stamp()).isEqualTo(ContentLoader.Memory.Stamp.of(file)).isNotNull();

    // Unchanged: the article of the last load, from its stamp alone (here and after a restart).
    assertThat(new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES, memory, later).load(List.of(dir))
        .articles().getFirst()).isSameAs(first.articles().getFirst());

    // The same number of bytes written in place, the modification time set back: the status-change time tells.
    FileTime modified = Files.getLastModifiedTime(file);
    Files.writeString(file, "# Edited\n\nWebAssembly was old at KubeCon EU 2021.\n");
    Files.setLastModifiedTime(file, modified);
    Corpus edited = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES,
        ContentLoader.Memory.savedIn(saved), later).load(List.of(dir));
    assertThat(edited.passages().getFirst().text()).isEqualTo("WebAssembly was old at KubeCon EU 2021.");

    // Replaced by another file of the same size and times (a ConfigMap update, a checkout): another inode.
    Path other = dir.resolve("other.txt");
    Files.writeString(other, "# Edited\n\nWebAssembly was odd at KubeCon EU 2021.\n");
    Files.setLastModifiedTime(other, Files.getLastModifiedTime(file));
    Files.move(other, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    assertThat(new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES, ContentLoader.Memory.savedIn(saved),
        later).load(List.of(dir)).passages().getFirst().text()).isEqualTo("WebAssembly was odd at KubeCon EU 2021.");
  }

  @Test
  void aFileThatChangedJustBeforeItWasReadIsReadAgainNextTime(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("fresh.md");
    Files.writeString(file, "# Fresh\n\nWebAssembly was new at KubeCon EU 2021.\n");
    ContentLoader.Memory memory = new ContentLoader.Memory();
    new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES, memory).load(List.of(dir));
    // Written a moment ago, its stamp cannot yet tell a later write within the same clock tick apart.
    ContentLoader.Memory.Stamp stamp = ContentLoader.Memory.Stamp.of(file);
    long changed = Math.max(stamp.modifiedNanos(), stamp.changedNanos());
    assertThat(stamp.settled(changed + 1_000_000_000L)).isFalse();
    assertThat(stamp.settled(changed + 3_000_000_000L)).isTrue();
    assertThat(memory.last().byLabel().get(file.toString()).stamp()).isNull();
  }

  @Test
  void aMissingFolderIsAnError(@TempDir Path dir) {
    assertThatThrownBy(() -> loader.load(List.of(dir.resolve("nope"))))
        .isInstanceOf(ContentException.class)
        .hasMessageContaining("nope");
  }
}
