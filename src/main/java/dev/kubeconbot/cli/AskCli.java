package dev.kubeconbot.cli;

import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.render.AnswerJson;
import dev.kubeconbot.render.AnswerText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ask [--json] [--content DIR]... [QUERY...]}: answers each query, or each line of standard
 * input when none is given. Exit code 0 unless the content cannot be loaded.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
    description = "Answer queries such as \"/topic wasm\", \"takeaways 2019\" or a question; "
        + "with no QUERY, read one query per line from standard input.")
final class AskCli implements Callable<Integer> {

  @Mixin
  ContentOptions options;

  @Mixin
  Verbosity verbosity;

  @Option(names = "--json", description = "Print one JSON object per query, one per line.")
  boolean json;

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Queries to answer.")
  List<String> queries = List.of();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return verbosity.run(this::answerAll);
  }

  private int answerAll() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Optional<AnswerEngine> loaded = options.engine(spec.commandLine().getErr());
    if (loaded.isEmpty()) {
      return 2;
    }
    AnswerEngine engine = loaded.get();
    if (!queries.isEmpty()) {
      queries.forEach(query -> print(out, engine.answer(query, null)));
      return 0;
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.isBlank()) {
        print(out, engine.answer(line, null));
      }
    }
    return 0;
  }

  private void print(PrintWriter out, Answer answer) {
    out.println(json ? AnswerJson.of(answer) : AnswerText.of(answer));
    out.flush();
  }
}
