package dev.kubeconbot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import dev.kubeconbot.config.BotConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Process-wide logging set-up. {@link LogbackSetup} writes text to stderr (stdout belongs to
 * {@code ask --json}); {@link #use} switches to JSON lines for log collectors once the configuration
 * is known, since {@code log.format} may come from the YAML file as well as the environment.
 */
public final class Logging {

  private Logging() {}

  /** Sends java.util.logging (Lucene's) through SLF4J, so that Logback's levels and format apply. */
  public static void bridgeJavaUtilLogging() {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }

  /**
   * Writes only warnings and errors until the returned action runs, unless {@code LOG_LEVEL} names a
   * level: a one-shot command prints its answer, not how the index was built (titles inferred, …).
   */
  public static Runnable quiet() {
    if (System.getenv("LOG_LEVEL") != null
        || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return () -> {};
    }
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    root.setLevel(Level.WARN);
    return () -> root.setLevel(before);
  }

  /** Writes every log event in {@code format} to stderr from now on. */
  public static void use(BotConfig.LogFormat format) {
    if (format != BotConfig.LogFormat.JSON
        || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    // The message as people read it, instead of its pattern plus arguments; no per-line context dump.
    encoder.setWithFormattedMessage(true);
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithContext(false);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("STDERR_JSON");
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(appender);
  }
}
