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
 */
final class SlowClients implements Connection.Listener, AutoCloseable {

  /** When a connection last made progress, and whether a request on it is being handled. */
  private static final class Progress {
    volatile long since = System.nanoTime();
    volatile boolean handling;
  }

  private final long deadlineNanos;
  private final Map<Connection, Progress> open = new ConcurrentHashMap<>();
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
    }
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
