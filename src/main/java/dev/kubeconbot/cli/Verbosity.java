package dev.kubeconbot.cli;

import dev.kubeconbot.app.Logging;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** {@code --verbose}, for the one-shot commands: without it they log only warnings and errors. */
final class Verbosity {

  @Option(names = {"-v", "--verbose"}, description = "Also log what loading the content inferred (INFO).")
  boolean verbose;

  /** Runs {@code command} at the chosen verbosity. */
  <T> T run(Callable<T> command) throws Exception {
    Runnable restore = verbose ? () -> {} : Logging.quiet();
    try {
      return command.call();
    } finally {
      restore.run();
    }
  }
}
