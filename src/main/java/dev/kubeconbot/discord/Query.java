package dev.kubeconbot.discord;

import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.service.AnswerService;
import dev.kubeconbot.service.AnswersWhenReady;
import java.time.Duration;
import dev.kubeconbot.service.Reply;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a user asked, in a form that can be answered again: a page button carries it, so a click is
 * answered (through the cache) without any state kept between requests.
 */
sealed interface Query {

  /** The language to answer in. */
  Lang lang();

  /**
   * How long a request that came while the index builds waits for it: a deferred interaction can be
   * answered for 15 minutes, and the slowest start (a first build of 50,000 articles) takes about 2.
   */
  Duration STARTUP_WAIT = Duration.ofMinutes(10);

  /** Answers it for {@code user}, through the service's rate limit and cache. */
  Reply answer(AnswerService answers, String user);

  /** {@link #answer}, once the index is built; empty if start-up failed or did not finish within {@link #STARTUP_WAIT}. */
  default Optional<Reply> answerWhenReady(AnswersWhenReady answers, String user) {
    return answers.await(STARTUP_WAIT).map(service -> answer(service, user));
  }

  /** A slash command, its options already split by Discord. */
  record Slash(String command, Map<String, String> options, Lang lang) implements Query {
    public Slash {
      options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    @Override
    public Reply answer(AnswerService answers, String user) {
      String echo = ("/" + command + " " + String.join(" ", options.values())).strip();
      return answers.run(user, command, options, echo, lang);
    }
  }

  /** Words from a direct message or a mention: a command name and its words, or a question. */
  record Text(String text, Lang lang) implements Query {
    @Override
    public Reply answer(AnswerService answers, String user) {
      return answers.ask(user, text, lang);
    }
  }
}
