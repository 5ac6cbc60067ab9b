package dev.kubeconbot.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code trends --png FILE [--vs EDITION] [EDITION]}: writes the /trends heat map of an edition
 * (default: the latest) and prints its trends as text. Exit code 1 when there is no chart (an
 * unknown edition: no file is written), 2 when content cannot load.
 */
@Command(name = "trends", mixinStandardHelpOptions = true,
    description = "Write the trends heat map of an edition (top topics' share of each edition's passages) as a PNG.")
final class TrendsCli implements Callable<Integer> {

  @Mixin
  ChartOptions chart;

  @Mixin
  Verbosity verbosity;

  @Option(names = "--vs", paramLabel = "EDITION", description = "Compare with this edition instead of all before.")
  String vs;

  @Parameters(paramLabel = "EDITION", arity = "0..*", description = "The edition or year, e.g. EU 2022 or 2021.")
  List<String> edition = List.of();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    if (!edition.isEmpty()) {
      options.put("edition", String.join(" ", edition));
    }
    if (vs != null) {
      options.put("vs", vs);
    }
    String echo = "/trends" + (edition.isEmpty() ? "" : " " + options.get("edition")) + (vs == null ? "" : " vs " + vs);
    return verbosity.run(() -> chart.run(spec, "trends", options, echo));
  }
}
