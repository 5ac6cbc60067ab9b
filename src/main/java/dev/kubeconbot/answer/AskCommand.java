package dev.kubeconbot.answer;

import dev.kubeconbot.content.Article;
import dev.kubeconbot.content.Edition;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.search.QueryPlan;
import dev.kubeconbot.search.SearchHit;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code /ask question:<text>}: a free question in English or Chinese answered with the best
 * passages. A year or region in the question ("at KubeCon EU 2019", "北美 2020") narrows the search
 * to that edition.
 */
public final class AskCommand implements Command {

  static final String QUESTION = "question";
  /** Passages must cover at least half of what the question asks about, weighted by rarity. */
  private static final Retrieval.Policy POLICY = new Retrieval.Policy(0.5, 0.3, 2, 5, false);

  @Override
  public CommandSpec spec() {
    return new CommandSpec("ask", List.of(OptionSpec.text(QUESTION, true, false)));
  }

  @Override
  public Answer answer(Invocation call) {
    String question = call.option(QUESTION);
    Library library = call.library();
    String title = call.text("ask.heading", question);
    Edition edition = library.calendar().editionIn(question);
    Predicate<Article> inEdition = article -> true;
    String searchText = question;
    if (edition.isKnown()) {
      if (Editions.articles(library, edition).isEmpty()) {
        return Answer.message("ask", call.query(), title, Editions.noArticles(call, edition));
      }
      inEdition = article -> Editions.matches(article.edition(), edition);
      searchText = library.calendar().withoutEditionWords(question);
    }
    QueryPlan plan = library.planner().plan(searchText);
    if (plan.isEmpty()) {
      return Answer.message("ask", call.query(), title, call.text("query.empty"));
    }
    List<SearchHit> hits = Retrieval.select(library, plan, POLICY, inEdition);
    if (hits.isEmpty()) {
      return Answer.message("ask", call.query(), title,
          call.text("ask.none", question, String.join(", ", Retrieval.suggestions(library, searchText, 5))));
    }
    return Answer.quotes("ask", call.query(), title, Retrieval.quotes(hits), null);
  }
}
