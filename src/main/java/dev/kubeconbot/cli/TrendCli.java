package dev.kubeconbot.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code trend --png FILE TOPIC}: writes the /trend chart of a topic and prints the trend as text.
 * Exit code 1 when no edition discusses the topic (no chart is written), 2 when content cannot load.
 */
@Command(name = "trend", mixinStandardHelpOptions = true,
    description = "Write the trend chart of a topic (share of each edition's passages) as a PNG.")
final class TrendCli implements Callable<Integer> {

  @Mixin
  ChartOptions chart;

  @Mixin
  Verbosity verbosity;

  @Parameters(paramLabel = "TOPIC", arity = "1..*", description = "The topic, e.g. wasm or 可观测性.")
  List<String> topic;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String name = String.join(" ", topic);
    return verbosity.run(() -> chart.run(spec, "trend", Map.of("topic", name), "/trend " + name));
  }
}
