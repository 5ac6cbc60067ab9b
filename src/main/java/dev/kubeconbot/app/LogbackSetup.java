package dev.kubeconbot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Logback's configuration, in code: text lines on stderr (stdout belongs to {@code ask --json}),
 * {@code LOG_LEVEL} for the root, Lucene at WARN. Logback finds it through the
 * {@link Configurator} service file. Written in code rather than {@code logback.xml} because the XML
 * configurator and the pattern parser load about 800 classes: a fifth of a cold start. A
 * {@code -Dlogback.configurationFile=…} still wins, for anyone who wants their own set-up.
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {

  /** The appender's name, so that {@link Logging#use} can tell it from the JSON one. */
  static final String TEXT_APPENDER = "STDERR";

  /**
   * The least level the console shows. The test run sets WARN (pom.xml, Surefire): tests capture the
   * events they expect and assert on them ({@code testing.CapturedLog}), so what still shows was not
   * expected, while events are still made at the root's level for the tests that look at them.
   */
  static final String CONSOLE_THRESHOLD = "kubeconbot.log.console";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    configure(context, System.getenv("LOG_LEVEL"));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Configures {@code context} with {@code level} (a Logback level name, {@code null} for INFO) for the root. */
  static void configure(LoggerContext context, String level) {
    // Sets java.util.logging levels from Logback's, so JUL (Lucene) does not format what is dropped.
    LevelChangePropagator propagator = new LevelChangePropagator();
    propagator.setContext(context);
    propagator.setResetJUL(true);
    context.addListener(propagator);
    propagator.start();

    TextLayout layout = new TextLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName(TEXT_APPENDER);
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    String threshold = System.getProperty(CONSOLE_THRESHOLD);
    if (threshold != null) {
      ThresholdFilter filter = new ThresholdFilter();
      filter.setLevel(threshold);
      filter.start();
      appender.addFilter(filter);
    }
    appender.start();

    context.getLogger("org.apache.lucene").setLevel(Level.WARN);
    // "Java vector incubator module is not readable": the scalar code is fast enough for the bot's vector index.
    context.getLogger("org.apache.lucene.internal.vectorization").setLevel(Level.ERROR);
    // The embedding models' tokenizer library: "Failed to detect GPU count" (it runs on the CPU by design)
    // and "maxLength is not explicitly specified" (the model's own 512 is the one wanted) are not news.
    context.getLogger("ai.djl").setLevel(Level.WARN);
    context.getLogger("ai.djl.util.cuda").setLevel(Level.ERROR);
    context.getLogger("ai.djl.huggingface.tokenizers.HuggingFaceTokenizer").setLevel(Level.ERROR);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level, Level.INFO));
    root.addAppender(appender);
  }

  /**
   * {@code 08:45:06.362 INFO  d.k.app.BotApp - message}, then the stack trace if any: what the
   * pattern {@code %d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n} wrote, without the pattern parser.
   */
  static final class TextLayout extends LayoutBase<ILoggingEvent> {

    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(20);
    private final ZoneId zone = ZoneId.systemDefault();

    @Override
    public String doLayout(ILoggingEvent event) {
      LocalTime time = LocalTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), zone);
      StringBuilder line = new StringBuilder(128);
      pad(line, time.getHour(), 2).append(':');
      pad(line, time.getMinute(), 2).append(':');
      pad(line, time.getSecond(), 2).append('.');
      pad(line, time.getNano() / 1_000_000, 3).append(' ');
      String level = event.getLevel().toString();
      line.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
      line.append(abbreviator.abbreviate(event.getLoggerName())).append(" - ").append(event.getFormattedMessage());
      line.append(CoreConstants.LINE_SEPARATOR);
      IThrowableProxy thrown = event.getThrowableProxy();
      if (thrown != null) {
        line.append(ThrowableProxyUtil.asString(thrown)).append(CoreConstants.LINE_SEPARATOR);
      }
      return line.toString();
    }

    private static StringBuilder pad(StringBuilder line, int value, int digits) {
      String text = Integer.toString(value);
      return line.append("0".repeat(Math.max(0, digits - text.length()))).append(text);
    }
  }
}
