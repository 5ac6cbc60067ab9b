package dev.kubeconbot.testing;

import dev.kubeconbot.service.FrontEnd;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** A front end whose readiness a test sets, and whose close waits until the test lets it finish. */
public final class FakeFrontEnd implements FrontEnd {

  public volatile String notReady = "gateway not connected";
  public volatile boolean started;
  /** Counted down when close begins. */
  public final CountDownLatch closing = new CountDownLatch(1);
  /** Close returns once this is counted down. */
  public final CountDownLatch letClose = new CountDownLatch(1);
  public volatile boolean closed;

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public void start() {
    started = true;
  }

  @Override
  public Optional<String> notReadyReason() {
    return Optional.ofNullable(notReady);
  }

  @Override
  public void close() {
    closing.countDown();
    try {
      letClose.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closed = true;
  }
}
