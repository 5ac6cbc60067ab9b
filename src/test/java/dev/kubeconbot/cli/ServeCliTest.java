package dev.kubeconbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve} refuses a bad configuration with exit code 2 and one message, before it starts anything. */
class ServeCliTest {

  private record Run(int exitCode, String err) {}

  private static Run serve(Path configDir, Map<String, String> env) {
    StringWriter err = new StringWriter();
    ServeCli serve = new ServeCli();
    serve.env = env;
    CommandLine command = new CommandLine(serve).setErr(new PrintWriter(err));
    return new Run(command.execute("--config", configDir.toString()), err.toString());
  }

  @Test
  void aBadEnvironmentValueStopsWithExitCode2AndOneMessage(@TempDir Path dir) {
    Run run = serve(dir, Map.of("HTTP_PORT", "99999"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("kubecon-bot: config key http.port (env HTTP_PORT) is '99999': "
        + "must be a port from 1 to 65535 (0 picks a free one)");
  }

  @Test
  void aBadFileStopsWithExitCode2AndNoStackTrace(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("application.yaml"), "cache:\n  ttl: soon\n");
    Run run = serve(dir, Map.of());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("cache.ttl", "CACHE_TTL", "'soon'", "a duration from 1s to 7 days, such as 30s, 10m, 1h")
        .doesNotContain("Exception", "\tat ");
  }
}
