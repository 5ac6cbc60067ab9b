package dev.kubeconbot.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;

/**
 * Closes connections that have not completed a request within a deadline of opening or of their
 * last response. Jetty's idle timeout restarts on every byte, so a client sending a header line now
 * and then (slowloris) would hold its connection, and a slot of the connection limit, for ever.
 *
 * <p>When HTTP stops it also says when the last connection was accepted, and closes keep-alive
 * connections waiting between requests (see {@link HttpApi#stop}).
 */
final class SlowClients implements Connection.Listener, AutoCloseable {

  /** When a connection last made progress, and whether a request on it is being handled. */
  private static final class Progress {
    volatile long since = System.nanoTime();
    volatile boolean handling;
    /** The bytes read from the connection when its last response was sent; -1 before the first. */
    volatile long bytesInWhenAnswered = -1;
  }

  private final long deadlineNanos;
  private final Map<Connection, Progress> open = new ConcurrentHashMap<>();
  private volatile long lastOpened = System.nanoTime();
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("http-slow-clients").factory());

  SlowClients(Duration deadline) {
    this.deadlineNanos = deadline.toNanos();
    long period = Math.max(50, deadline.toMillis() / 4);
    sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpened(Connection connection) {
    open.put(connection, new Progress());
    lastOpened = System.nanoTime();
  }

  @Override
  public void onClosed(Connection connection) {
    open.remove(connection);
  }

  /** A request on {@code connection} has arrived whole and is being handled. */
  void handling(Connection connection) {
    Progress progress = open.get(connection);
    if (progress != null) {
      progress.handling = true;
    }
  }

  /** The request on {@code connection} has been answered; the next must come within the deadline. */
  void answered(Connection connection) {
    Progress progress = open.get(connection);
    if (progress != null) {
      progress.since = System.nanoTime();
      progress.handling = false;
      progress.bytesInWhenAnswered = connection.getBytesIn();
    }
  }

  /** When the last connection was accepted, in {@link System#nanoTime} units. */
  long lastOpened() {
    return lastOpened;
  }

  /**
   * Closes the keep-alive connections waiting between requests: answered at least once and nothing
   * read since. A connection just accepted is left alone, since its request may not be read yet.
   */
  void closeIdle() {
    open.forEach((connection, progress) -> {
      if (!progress.handling && progress.bytesInWhenAnswered >= 0
          && connection.getBytesIn() == progress.bytesInWhenAnswered) {
        connection.getEndPoint().close();
      }
    });
  }

  private void sweep() {
    long now = System.nanoTime();
    open.forEach((connection, progress) -> {
      if (!progress.handling && now - progress.since > deadlineNanos) {
        connection.getEndPoint().close();
      }
    });
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
