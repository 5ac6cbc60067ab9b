package dev.kubeconbot.discord;

import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.answer.Messages;
import dev.kubeconbot.service.AnswersWhenReady;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an exception in a handler into an apology the user can quote: a short error id, logged with
 * the stack trace and counted, so the bot keeps serving everyone else.
 */
final class ErrorReporter {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

  private final AnswersWhenReady answers;

  ErrorReporter(AnswersWhenReady answers) {
    this.answers = answers;
  }

  /** Runs {@code work}; an exception in it becomes an apology. */
  Response guard(String command, Lang lang, Supplier<Response> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      return new Response.Notice(report(command, lang, e));
    }
  }

  /** Logs and counts {@code error}; returns the apology, naming the error id, in {@code lang}. */
  String report(String command, Lang lang, Throwable error) {
    String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    LOG.error("error id={} command={}", id, command, error);
    // Before the index is built there is no service to count in; the log line still has it.
    answers.now().ifPresent(service -> service.countError(command));
    return Messages.get(lang, "discord.error", id);
  }
}
