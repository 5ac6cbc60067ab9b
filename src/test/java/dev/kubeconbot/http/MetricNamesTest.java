package dev.kubeconbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.testing.RunningBot;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What /metrics shows follows Prometheus's naming conventions: the application's metrics under
 * {@code kubecon_bot_}, the JVM's and the process's under the names every client library uses,
 * base units in the name, counters ending in {@code _total}, histograms with a dozen buckets.
 */
class MetricNamesTest {

  private static final Pattern TYPE = Pattern.compile("# TYPE (\\S+) (\\S+)");
  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? \\S+");
  private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");
  /** Namespaces of metrics that libraries define the same way for every application. */
  private static final List<String> LIBRARY_NAMESPACES = List.of("jvm_", "process_", "system_");
  private static final Pattern NOT_A_BASE_UNIT =
      Pattern.compile(".*_(ns|ms|us|nanoseconds|microseconds|milliseconds|minutes|hours|kilobytes|megabytes|kb|mb)(_.*|$)");

  @Test
  void everyNameFollowsTheConventions(@TempDir Path configDir) {
    String metrics;
    try (RunningBot bot = RunningBot.ready(RunningBot.config(configDir, Map.of("HTTP_RATE_LIMIT_ANSWERS", "1")))) {
      bot.get("/api/ask?q=/topic%20wasm");
      bot.get("/api/ask?q=/topic%20wasm"); // rate limited
      bot.get("/no/such/page");
      bot.get("/metrics");
      metrics = bot.get("/metrics").body();
    }
    Map<String, String> types = new TreeMap<>();
    Set<String> samples = new HashSet<>();
    Map<String, Set<String>> buckets = new HashMap<>();
    for (String line : metrics.lines().toList()) {
      Matcher type = TYPE.matcher(line);
      Matcher sample = SAMPLE.matcher(line);
      if (type.matches()) {
        types.put(type.group(1), type.group(2));
      } else if (!line.startsWith("#") && sample.matches()) {
        samples.add(sample.group(1));
        Matcher le = LE.matcher(sample.group(2) == null ? "" : sample.group(2));
        if (sample.group(1).endsWith("_bucket") && le.find()) {
          buckets.computeIfAbsent(sample.group(1), name -> new HashSet<>()).add(le.group(1));
        }
      }
    }
    assertThat(types).as(metrics).isNotEmpty();
    types.forEach((family, type) -> {
      assertThat(family).as("prefix").satisfiesAnyOf(
          name -> assertThat(name).startsWith("kubecon_bot_"),
          name -> assertThat(LIBRARY_NAMESPACES).anySatisfy(namespace -> assertThat(name).startsWith(namespace)));
      assertThat(family).as("base units").doesNotMatch(NOT_A_BASE_UNIT);
      if (type.equals("counter")) {
        assertThat(samples).as(family + " is a counter").anySatisfy(name -> assertThat(name).isIn(family, family + "_total")
            .endsWith("_total"));
      }
      if (type.equals("histogram")) {
        assertThat(family).as("a histogram of time is in seconds").endsWith("_seconds");
      }
    });
    assertThat(samples).contains("process_cpu_seconds_total", "kubecon_bot_requests_total",
        "kubecon_bot_answer_duration_seconds_bucket", "kubecon_bot_cache_gets_total", "jvm_memory_used_bytes")
        .doesNotContain("process_cpu_time_ns_total");
    assertThat(buckets).isNotEmpty().allSatisfy((name, le) -> assertThat(le).as(name).hasSizeBetween(8, 16));
    assertThat(buckets.get("kubecon_bot_answer_duration_seconds_bucket")).contains("0.05", "1.0", "+Inf").hasSize(13);
    // HTTP responses by route and status; unknown paths share one series.
    assertThat(metrics).contains(
        "kubecon_bot_http_server_requests_seconds_count{method=\"GET\",route=\"/api/ask\",status=\"200\"} 1",
        "kubecon_bot_http_server_requests_seconds_count{method=\"GET\",route=\"/api/ask\",status=\"429\"} 1",
        "kubecon_bot_http_server_requests_seconds_count{method=\"GET\",route=\"other\",status=\"404\"} 1",
        "kubecon_bot_http_server_requests_seconds_count{method=\"GET\",route=\"/metrics\",status=\"200\"} 1");
  }
}
