package dev.kubeconbot.answer;

import dev.kubeconbot.content.Article;
import java.util.List;

/** {@code /sources}: every indexed article, grouped by edition in time order, with its link. */
public final class SourcesCommand implements Command {

  @Override
  public CommandSpec spec() {
    return new CommandSpec("sources", List.of());
  }

  @Override
  public Answer answer(Invocation call) {
    List<Article> articles = call.library().corpus().byEdition().values().stream()
        .flatMap(List::stream)
        .toList();
    String title = call.text("sources.heading", articles.size());
    if (articles.isEmpty()) {
      return Answer.message("sources", call.query(), title, call.text("sources.none"));
    }
    return Answer.of("sources", call.query(), title, new Answer.Listing(articles));
  }
}
