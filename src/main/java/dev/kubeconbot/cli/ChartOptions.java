package dev.kubeconbot.cli;

import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.render.AnswerChart;
import dev.kubeconbot.render.AnswerText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** What the chart commands ({@code trend}, {@code trends}) share: content, where the PNG goes, its language. */
final class ChartOptions {

  @Mixin
  ContentOptions content;

  @Option(names = "--png", paramLabel = "FILE", required = true, description = "Where to write the chart.")
  Path png;

  @Option(names = "--lang", paramLabel = "TAG", defaultValue = "en-US",
      description = "Language of the labels: en-US, zh-CN or zh-TW (default: ${DEFAULT-VALUE}).")
  String lang;

  /**
   * Answers {@code command} with {@code options}, prints the answer as text and writes its chart.
   * Exit code 1 when the answer has no chart (nothing found: no file is written), 2 when the content
   * cannot load.
   */
  int run(CommandSpec spec, String command, Map<String, String> options, String echo) throws IOException {
    Optional<AnswerEngine> loaded = content.engine(spec.commandLine().getErr());
    if (loaded.isEmpty()) {
      return 2;
    }
    Lang labels = Lang.of(lang);
    Answer answer = loaded.get().answer(command, options, echo, labels);
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
