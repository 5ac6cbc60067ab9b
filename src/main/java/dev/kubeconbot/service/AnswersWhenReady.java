package dev.kubeconbot.service;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The answer service of a bot that may still be building its index. Front ends start connecting
 * while the index builds (logging in to Discord takes about a second, which would otherwise come
 * after the index), so a request can arrive before there is anything to answer it from: it waits
 * here for the service instead, and nothing is ever answered from a half-built library.
 */
public final class AnswersWhenReady {

  private final CompletableFuture<AnswerService> service = new CompletableFuture<>();

  private AnswersWhenReady() {}

  /** Not ready yet: {@link #ready} or {@link #failed} settles it. */
  public static AnswersWhenReady pending() {
    return new AnswersWhenReady();
  }

  /** Ready from the start, for a front end made after the index was built. */
  public static AnswersWhenReady of(AnswerService service) {
    AnswersWhenReady answers = new AnswersWhenReady();
    answers.ready(service);
    return answers;
  }

  /** The index is built and warm: waiting requests go on, later ones are answered at once. */
  public void ready(AnswerService ready) {
    service.complete(ready);
  }

  /** Start-up failed or was stopped: waiting requests give up (the process is on its way out). */
  public void failed(Throwable why) {
    service.completeExceptionally(why);
  }

  /** The service, if the index is built. */
  public Optional<AnswerService> now() {
    return isReady() ? Optional.of(service.join()) : Optional.empty();
  }

  /** Empty while the index builds; a request that arrives now is going to wait. */
  public boolean isReady() {
    return service.isDone() && !service.isCompletedExceptionally();
  }

  /** The service once the index is built; empty if that takes longer than {@code wait} or start-up failed. */
  public Optional<AnswerService> await(Duration wait) {
    try {
      return Optional.of(service.get(wait.toNanos(), TimeUnit.NANOSECONDS));
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
