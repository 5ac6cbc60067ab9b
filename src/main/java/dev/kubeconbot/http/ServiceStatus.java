package dev.kubeconbot.http;

import dev.kubeconbot.service.AnswerService;
import java.util.Optional;

/** What the HTTP endpoints need to know about the running bot. */
public interface ServiceStatus {

  /** False once shutdown has begun. */
  boolean alive();

  /** Empty when ready to serve users; otherwise why not, e.g. "index building". */
  Optional<String> notReadyReason();

  /** The answers, with the HTTP clients' rate limit, once the index is built and until shutdown begins. */
  Optional<AnswerService> answers();
}
