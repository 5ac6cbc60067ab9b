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

  /** Stops taking new requests, lets running ones finish, disconnects. */
  @Override
  void close();
}
