package dev.kubeconbot.cli;

import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.render.AnswerText;
import dev.kubeconbot.render.AnswerChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
  ContentOptions options;

  @Mixin
  Verbosity verbosity;

  @Option(names = "--png", paramLabel = "FILE", required = true, description = "Where to write the chart.")
  Path png;

  @Option(names = "--lang", paramLabel = "TAG", defaultValue = "en-US",
      description = "Language of the labels: en-US, zh-CN or zh-TW (default: ${DEFAULT-VALUE}).")
  String lang;

  @Parameters(paramLabel = "TOPIC", arity = "1..*", description = "The topic, e.g. wasm or 可观测性.")
  List<String> topic;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return verbosity.run(this::chart);
  }

  private int chart() throws IOException {
    Optional<AnswerEngine> loaded = options.engine(spec.commandLine().getErr());
    if (loaded.isEmpty()) {
      return 2;
    }
    AnswerEngine engine = loaded.get();
    String name = String.join(" ", topic);
    Lang labels = Lang.of(lang);
    Answer answer = engine.answer("trend", Map.of("topic", name), "/trend " + name, labels);
    spec.commandLine().getOut().println(AnswerText.of(answer));
    Optional<byte[]> chart = AnswerChart.png(answer.content(), labels);
    if (chart.isEmpty()) {
      return 1;
    }
    Files.write(png, chart.get());
    spec.commandLine().getOut().println("Chart written to " + png);
    return 0;
  }
}
