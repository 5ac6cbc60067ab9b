package dev.kubeconbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeconbot.config.BotConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @AfterEach
  void restoreDefaultSetup() throws JoranException {
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  @Test
  void jsonFormatWritesOneJsonObjectPerEventToStderr() throws Exception {
    Logging.use(BotConfig.LogFormat.JSON);
    ConsoleAppender<ILoggingEvent> appender = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR_JSON");
    assertThat(appender).isNotNull();
    assertThat(appender.getTarget()).isEqualTo("System.err");
    assertThat(root.iteratorForAppenders()).toIterable().hasSize(1);

    // Encoded here rather than written to the test run's stderr.
    root.detachAppender(appender);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    LoggerFactory.getLogger("test").info("request command={} outcome={}", "topic", "answered");
    byte[] line = ((JsonEncoder) appender.getEncoder()).encode(captured.list.getFirst());
    JsonNode json = new ObjectMapper().readTree(new String(line, StandardCharsets.UTF_8));
    assertThat(json.get("level").asText()).isEqualTo("INFO");
    assertThat(json.get("loggerName").asText()).isEqualTo("test");
    assertThat(json.get("formattedMessage").asText()).isEqualTo("request command=topic outcome=answered");
  }

  @Test
  void textFormatKeepsTheTextAppender() {
    Logging.use(BotConfig.LogFormat.TEXT);
    assertThat(root.getAppender("STDERR")).isNotNull();
  }

  @Test
  void textLinesLookAsTheFormerPatternWroteThem() {
    LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("dev.kubeconbot.app.BotApp"), Level.INFO,
        "started {} ms", new IllegalStateException("boom"), new Object[] {42});
    String text = new LogbackSetup.TextLayout().doLayout(event);
    assertThat(text).matches("(?s)\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  d\\.k\\.app\\.BotApp - started 42 ms\\R"
        + "java\\.lang\\.IllegalStateException: boom\\R\\tat .*");
  }

  @Test
  void logLevelSetsTheRootLevelAndLuceneStaysAtWarn() {
    context.reset();
    LogbackSetup.configure(context, "DEBUG");
    assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
    assertThat(context.getLogger("org.apache.lucene.index").getEffectiveLevel()).isEqualTo(Level.WARN);
    context.reset();
    LogbackSetup.configure(context, null);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void javaUtilLoggingGoesThroughLogbackAndLuceneVectorNoiseIsDropped() {
    Logging.bridgeJavaUtilLogging();
    root.detachAndStopAllAppenders(); // captured, not printed
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider")
        .warning("Java vector incubator module is not readable.");
    java.util.logging.Logger.getLogger("some.jul.user").log(java.util.logging.Level.WARNING, "via JUL");
    assertThat(captured.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("via JUL");
  }
}
