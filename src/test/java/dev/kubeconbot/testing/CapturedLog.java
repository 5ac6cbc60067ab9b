package dev.kubeconbot.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The events of one logger, kept for a test to assert on instead of printed: a test that provokes a
 * failure on purpose expects its ERROR line, and a green run should not show it as if something broke.
 */
public final class CapturedLog implements AutoCloseable {

  private final Logger logger;
  private final boolean additive;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private CapturedLog(Logger logger) {
    this.logger = logger;
    this.additive = logger.isAdditive();
    appender.start();
    logger.addAppender(appender);
    logger.setAdditive(false);
  }

  /** Captures what {@code source}'s logger writes until {@link #close}. */
  public static CapturedLog of(Class<?> source) {
    return new CapturedLog((Logger) LoggerFactory.getLogger(source));
  }

  /** Captures what the logger named {@code name} (and its children) writes until {@link #close}. */
  public static CapturedLog named(String name) {
    return new CapturedLog((Logger) LoggerFactory.getLogger(name));
  }

  /** The events so far, oldest first. */
  public List<ILoggingEvent> events() {
    synchronized (appender) { // the lock under which the appender adds events
      return List.copyOf(appender.list);
    }
  }

  /** The formatted messages so far, oldest first. */
  public List<String> messages() {
    return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setAdditive(additive);
  }
}
