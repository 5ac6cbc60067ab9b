package dev.kubeconbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A JDK that is too old gets one line saying what is needed, what was found and how to point
 * JAVA_HOME elsewhere: from the build (Maven Enforcer) and from the jar (cli.Launcher).
 */
class JdkCheckTest {

  private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)", Pattern.MULTILINE);

  private record Run(int exitCode, String output) {}

  @Test
  void theLauncherLoadsOnJava8AndNamesWhatItNeedsAndFound() throws IOException {
    try (InputStream in = Launcher.class.getResourceAsStream("Launcher.class")) {
      byte[] header = in.readNBytes(8);
      assertThat(((header[6] & 0xff) << 8) | (header[7] & 0xff)).as("class file major version").isEqualTo(52);
    }
    assertThat(Launcher.problem("17", "/usr/lib/jvm/java-17")).isEqualTo(
        "kubecon-bot needs Java 21 or newer, but this is Java 17 (/usr/lib/jvm/java-17). Point JAVA_HOME at a JDK"
            + " or JRE 21+ and run \"$JAVA_HOME/bin/java\" -jar kubecon-bot.jar ...");
    assertThat(Launcher.problem("1.8", "/opt/jre8")).contains("this is Java 1.8 (/opt/jre8)");
    assertThat(Launcher.problem("21", "/x")).isNull();
    assertThat(Launcher.problem("25", "/x")).isNull();
  }

  @Test
  void anOldJavaRunningTheEntryPointGetsOneLine() throws Exception {
    Optional<Path> old = oldJdk();
    Assumptions.assumeTrue(old.isPresent(), "no JDK older than 21 in /usr/lib/jvm");
    Path classes = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Run run = run(List.of(old.get().resolve("bin/java").toString(), "-cp", classes.toString(),
        Launcher.class.getName(), "--version"), Optional.empty());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output().lines()).singleElement().asString()
        .startsWith("kubecon-bot needs Java 21 or newer, but this is Java ")
        .contains(old.get().toString());
  }

  /**
   * Maven on a JDK older than the minimum stops before compiling. With an old JDK on the machine this
   * runs the real thing; otherwise it raises the minimum above the running JDK.
   */
  @Test
  void theBuildOnAnOldJdkStopsWithOneClearLine() throws Exception {
    Optional<Path> old = oldJdk();
    List<String> command = new ArrayList<>(List.of("./mvnw", "-o", "-q", "-B", "validate"));
    String needed = "21";
    if (old.isEmpty()) {
      needed = String.valueOf(Runtime.version().feature() + 1);
      command.add("-Djava.minimum=" + needed);
    }
    Run run = run(command, old);
    assertThat(run.exitCode()).isNotZero();
    String home = old.map(Path::toString).orElse(System.getProperty("java.home"));
    assertThat(run.output()).containsPattern("kubecon-bot needs JDK " + needed + " or newer to build, but Maven runs on"
        + " Java [0-9.]+ \\(" + Pattern.quote(home) + "\\)\\. Point JAVA_HOME at a JDK " + needed + " or newer");
    assertThat(run.output()).doesNotContain("release version");
  }

  /** A JDK older than 21 among the machine's installed ones, if any. */
  private static Optional<Path> oldJdk() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      // The real path: that is the java.home the JVM reports.
      return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")) && major(home) < 21)
          .map(JdkCheckTest::realPath).sorted().findFirst();
    }
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int major(Path home) {
    try {
      Matcher version = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
      return version.find() ? Integer.parseInt(version.group(1)) : Integer.MAX_VALUE;
    } catch (IOException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static Run run(List<String> command, Optional<Path> javaHome) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    javaHome.ifPresent(home -> builder.environment().put("JAVA_HOME", home.toString()));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Run(process.exitValue(), output);
  }
}
