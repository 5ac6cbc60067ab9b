package dev.kubeconbot.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.kubeconbot.search.Library;
import dev.kubeconbot.testing.CapturedLog;
import dev.kubeconbot.testing.ConfigMapVolume;
import dev.kubeconbot.testing.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content that someone else controls (a pull request to a synced content repository) must not read
 * the host, hang the loader or forge log lines; each case on a real file tree.
 */
class ContentSafetyTest {

  private static final String GOOD = "# KubeCon EU 2021\n\nGitOps continues to shine as a way to declare infrastructure.\n";

  @TempDir
  Path dir;

  @TempDir
  Path elsewhere;

  private final ContentLoader loader = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES);
  private CapturedLog warnings;

  @BeforeEach
  void captureWarnings() {
    warnings = CapturedLog.of(ContentLoader.class);
  }

  @AfterEach
  void stopCapturing() throws IOException {
    warnings.close();
    // Removed here, since JUnit warns about each link out of a temporary folder that it cleans up.
    try (Stream<Path> files = Files.list(dir)) {
      for (Path link : files.filter(Files::isSymbolicLink).toList()) {
        Files.delete(link);
      }
    }
  }

  private List<String> warningsAbout(String name) {
    String file = dir.resolve(name) + ":";
    return warnings.messages().stream().filter(m -> m.contains(file)).toList();
  }

  private static String text(Corpus corpus) {
    return String.join("\n", corpus.passages().stream().map(Passage::text).toList());
  }

  @Test
  void linksOutOfTheContentFolderAreNeverRead() throws Exception {
    Files.writeString(dir.resolve("good.md"), GOOD);
    Files.createSymbolicLink(dir.resolve("environ.md"), Path.of("/proc/self/environ"));
    Files.createSymbolicLink(dir.resolve("passwd.md"), Path.of("/etc/passwd"));
    Path secret = Files.writeString(elsewhere.resolve("secret.md"), "# KubeCon EU 2021\n\nDISCORD_TOKEN=abc.def.ghi\n");
    Files.createSymbolicLink(dir.resolve("secret.md"), secret);
    Files.createSymbolicLink(dir.resolve("outside"), elsewhere);

    Corpus corpus = loader.load(List.of(dir));

    assertThat(corpus.articles()).extracting(Article::id).containsExactly("good");
    assertThat(text(corpus)).doesNotContain("DISCORD_TOKEN", "root:", "PATH=");
    assertThat(corpus.skipped()).extracting(SkippedFile::file).containsExactlyInAnyOrder(
        dir.resolve("environ.md").toString(), dir.resolve("passwd.md").toString(),
        dir.resolve("secret.md").toString(), dir.resolve("outside").toString());
    for (String name : List.of("environ.md", "passwd.md", "secret.md", "outside")) {
      assertThat(warningsAbout(name)).singleElement().asString().contains("outside the content folder");
    }
  }

  @Test
  void theIndexNeverHoldsTheEnvironment() throws Exception {
    Files.writeString(dir.resolve("good.md"), GOOD);
    Files.createSymbolicLink(dir.resolve("e.md"), Path.of("/proc/self/environ"));
    // Every quote is a passage of the index, so what is not indexed cannot be answered.
    assertThat(text(Library.load(Seeds.CONFIG, List.of(dir)).corpus())).doesNotContain("HOME=", "PATH=");
  }

  @Test
  void linksInsideTheFolderAreFollowedOnce() throws Exception {
    Path real = Files.createDirectories(dir.resolve("2021"));
    Files.writeString(real.resolve("gitops.md"), GOOD);
    Files.createSymbolicLink(dir.resolve("alias.md"), real.resolve("gitops.md"));
    Files.createSymbolicLink(real.resolve("loop"), dir);

    Corpus corpus = loader.load(List.of(dir));

    assertThat(corpus.articles()).hasSize(1);
    assertThat(corpus.skipped()).isEmpty();
  }

  @Test
  void aConfigMapVolumeIsReadOnceThroughItsLinksAndLinksOutOfItAreStillRefused() throws Exception {
    // Each visible x.md is a link to ..data/x.md, and ..data a link to ..2026_…/: the real path of
    // every article lies inside the folder, so the safety rule lets them through, each once.
    ConfigMapVolume.mount(dir, Map.of("gitops.md", GOOD, "wasm.md", GOOD.replace("GitOps", "WebAssembly")));
    Files.createSymbolicLink(dir.resolve("environ.md"), Path.of("/proc/self/environ"));

    Corpus corpus = loader.load(List.of(dir));

    assertThat(corpus.articles()).extracting(Article::id).containsExactlyInAnyOrder("gitops", "wasm");
    assertThat(corpus.skipped()).extracting(SkippedFile::file).containsExactly(dir.resolve("environ.md").toString());
    assertThat(text(corpus)).doesNotContain("PATH=");
  }

  @Test
  void aForgedConfigMapLayoutCannotLinkOutOfTheFolder() throws Exception {
    // The same layout made by hand, with ..data pointing out of the folder: the links through it
    // resolve outside, and are refused like any other.
    Path secret = Files.writeString(elsewhere.resolve("secret.md"), "# KubeCon EU 2021\n\nDISCORD_TOKEN=abc.def.ghi\n");
    Files.createSymbolicLink(dir.resolve("..data"), elsewhere);
    Files.createSymbolicLink(dir.resolve("secret.md"), Path.of("..data", secret.getFileName().toString()));

    Corpus corpus = loader.load(List.of(dir));

    assertThat(corpus.articles()).isEmpty();
    assertThat(warningsAbout("secret.md")).singleElement().asString().contains("outside the content folder");
  }

  @Test
  void aFolderThatIsALinkIsFollowed() throws Exception {
    Path real = Files.createDirectories(elsewhere.resolve("release-1"));
    Files.writeString(real.resolve("good.md"), GOOD);
    Path link = Files.createSymbolicLink(dir.resolve("content"), real);

    Corpus corpus = loader.load(List.of(link));

    assertThat(corpus.articles()).extracting(Article::id).containsExactly("good");
    assertThat(corpus.skipped()).isEmpty();
  }

  @Test
  void specialFilesDanglingLinksAndLoopsAreSkippedWithAWarning() throws Exception {
    Files.writeString(dir.resolve("good.md"), GOOD);
    Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("pipe.md").toString()).start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
    Files.createSymbolicLink(dir.resolve("dangling.md"), dir.resolve("gone.md"));
    Files.createSymbolicLink(dir.resolve("loop.md"), dir.resolve("loop.md"));

    Corpus corpus = loader.load(List.of(dir)); // a FIFO opened for reading would block here forever

    assertThat(corpus.articles()).extracting(Article::id).containsExactly("good");
    assertThat(warningsAbout("pipe.md")).singleElement().asString().contains("not a regular file");
    assertThat(warningsAbout("dangling.md")).singleElement().asString().contains("does not exist");
    assertThat(warningsAbout("loop.md")).singleElement().asString().contains("cannot be resolved");
  }

  @Test
  void filesAboveTheSizeCapAreSkipped() throws Exception {
    Files.writeString(dir.resolve("good.md"), GOOD);
    Files.writeString(dir.resolve("huge.md"), GOOD + "Padding sentence for size. ".repeat(100));
    ContentLoader small = new ContentLoader(Seeds.calendar(), 1024);

    Corpus corpus = small.load(List.of(dir));

    assertThat(corpus.articles()).extracting(Article::id).containsExactly("good");
    assertThat(warningsAbout("huge.md")).singleElement().asString().contains("above the content.maxFileSize cap of 1024");
  }

  @Test
  void utf16WithoutAByteOrderMarkIsRejected() throws Exception {
    Files.write(dir.resolve("utf16.md"), GOOD.getBytes(StandardCharsets.UTF_16LE));

    Corpus corpus = loader.load(List.of(dir));

    assertThat(corpus.articles()).isEmpty();
    assertThat(corpus.skipped()).singleElement().extracting(SkippedFile::reason).asString().contains("UTF-16");
  }

  @Test
  void controlCharactersInFileNamesCannotForgeLogLines() throws Exception {
    Files.writeString(dir.resolve("evil\n12:00:00.000 INFO  forged.md"), "---\ntitle: [oops\n---\ntext\n");

    Corpus corpus = loader.load(List.of(dir));

    assertThat(warnings.messages()).singleElement().asString()
        .doesNotContain("\n").contains("evil\\n12:00:00.000 INFO  forged.md");
    assertThat(corpus.skipped()).singleElement().extracting(SkippedFile::file).asString().doesNotContain("\n");
  }

  @Test
  void anUnreadableSubfolderIsSkippedAndTheRestLoads() throws Exception {
    Files.writeString(dir.resolve("good.md"), GOOD);
    Path locked = Files.createDirectories(dir.resolve("lost+found"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeThat(Files.isReadable(locked)).as("running as root: permissions do not apply").isFalse();
      Corpus corpus = loader.load(List.of(dir));
      assertThat(corpus.articles()).extracting(Article::id).containsExactly("good");
      assertThat(warningsAbout("lost+found")).singleElement().asString().contains("it cannot be listed");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
