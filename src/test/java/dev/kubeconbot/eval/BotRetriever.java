package dev.kubeconbot.eval;

import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.Quote;
import dev.kubeconbot.content.Article;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The bot as a user meets it: every query through {@link AnswerEngine#answer(String, dev.kubeconbot.answer.Lang)}. */
final class BotRetriever implements Retriever {

  private final AnswerEngine engine;
  /** A quote names its article by title and source; together they identify it (checked on construction). */
  private final Map<List<String>, String> articleIds = new HashMap<>();

  BotRetriever(AnswerEngine engine) {
    this.engine = engine;
    for (Article article : engine.library().corpus().articles()) {
      String previous = articleIds.put(key(article.title(), article.source()), article.id());
      if (previous != null) {
        throw new IllegalStateException(previous + " and " + article.id() + " share title and source, so quotes cannot be told apart");
      }
    }
  }

  @Override
  public String name() {
    return "bot";
  }

  @Override
  public List<Retrieved> retrieve(String query) {
    return engine.answer(query, null).quotes().stream()
        .limit(DEPTH)
        .map(q -> new Retrieved(articleOf(q), q.text()))
        .toList();
  }

  private String articleOf(Quote quote) {
    return Objects.requireNonNull(articleIds.get(key(quote.title(), quote.url())), () -> "no article for quote " + quote);
  }

  private static List<String> key(String title, String source) {
    // Arrays.asList, unlike List.of, allows the null source of an article that names none.
    return Arrays.asList(title, source);
  }
}
