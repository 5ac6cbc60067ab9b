package dev.kubeconbot.service;

import dev.kubeconbot.answer.Answer;
import java.time.Duration;

/** What a front end gets for a request: an answer, or a polite "slow down". */
public sealed interface Reply {

  /** The answer; {@code cached} if it was served from the answer cache. */
  record Answered(Answer answer, boolean cached) implements Reply {}

  /** The user asked too often; {@code message} says when to retry, in the user's language. */
  record RateLimited(Duration retryAfter, String message) implements Reply {

    /** The wait in whole seconds, rounded up and at least 1, as messages and {@code Retry-After} give it. */
    public long retryAfterSeconds() {
      return seconds(retryAfter);
    }

    static long seconds(Duration wait) {
      return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
  }
}
