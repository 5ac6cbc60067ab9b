package dev.kubeconbot.service;

import java.util.Optional;

/**
 * A long-running front end that {@code serve} starts next to the HTTP endpoints, such as the Discord
 * bot. Readiness waits for every front end.
 */
public interface FrontEnd extends AutoCloseable {

  /** Short name for logs and readiness reasons, e.g. {@code discord}. */
  String name();

  /** Connects; returns once connecting has started (readiness reports when it is done). */
  void start() throws Exception;

  /** Empty once it serves users; otherwise why not, e.g. "gateway not connected". */
  Optional<String> notReadyReason();

  /**
   * Why it can never serve again in this process, e.g. a token revoked while running: it will not
   * reconnect by itself, so liveness fails with this reason and Kubernetes restarts the pod. Empty
   * while it is fine or still able to recover (a dropped connection that reconnects is not a failure).
   */
  default Optional<String> failure() {
    return Optional.empty();
  }

  /** Stops taking new requests, lets running ones finish, disconnects. */
  @Override
  void close();
}
