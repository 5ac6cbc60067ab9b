package dev.kubeconbot.http;

import dev.kubeconbot.service.AnswerService;
import java.util.Optional;

/** What the HTTP endpoints need to know about the running bot. */
public interface ServiceStatus {

  /** False once shutdown has begun. */
  boolean alive();

  /**
   * Why this process can no longer serve and must be restarted (a front end failed for good, such as
   * a revoked Discord token); liveness answers 503 with it. Empty while it is healthy.
   */
  Optional<String> failure();

  /** Empty when ready to serve users; otherwise why not, e.g. "index building". */
  Optional<String> notReadyReason();

  /**
   * Why the content served is not the latest, e.g. "last reload failed: it has no articles"; the
   * bot stays ready on its previous content, so readiness reports this beside its 200.
   */
  Optional<String> contentWarning();

  /** The answers, with the HTTP clients' rate limit, once the index is built and until shutdown begins. */
  Optional<AnswerService> answers();
}
