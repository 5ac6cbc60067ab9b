package dev.kubeconbot.answer;

import dev.kubeconbot.content.Edition;
import dev.kubeconbot.search.Concept;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.search.QueryPlan;
import dev.kubeconbot.search.SearchHit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /ask question:<text>}: a free question in English or Chinese answered with the best
 * passages. A year or region in the question ("at KubeCon EU 2019", "北美 2020") narrows the search
 * to that edition.
 */
public final class AskCommand implements Command {

  static final String QUESTION = "question";
  /** Passages must cover at least half of what the question asks about, weighted by rarity. */
  private static final Retrieval.Policy POLICY = new Retrieval.Policy(0.5, 0.3, 2, 5, false);
  /** A topic in at most one passage of this many is distinctive enough to answer on by itself. */
  private static final int DISTINCTIVE_SHARE = 4;

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
    Edition scope = null;
    String searchText = question;
    if (edition.isKnown()) {
      if (Editions.articles(library, edition).isEmpty()) {
        return Answer.message("ask", call.query(), title, Editions.noArticles(call, edition));
      }
      scope = edition;
      searchText = library.calendar().withoutEditionWords(question);
    }
    QueryPlan plan = library.plan(searchText);
    if (plan.isEmpty()) {
      return Answer.guidance("ask", call.query(), title, call.text("query.empty"));
    }
    List<SearchHit> hits = Retrieval.select(library, plan, POLICY, scope);
    List<String> notes = List.of();
    if (hits.isEmpty()) {
      Partial partial = partialMatch(call, plan, scope);
      if (partial != null) {
        hits = partial.hits();
        notes = List.of(partial.note());
      }
    }
    hits = Retrieval.capped(library.withMeaning(question, hits, scope), POLICY);
    if (!hits.isEmpty()) {
      return new Answer("ask", call.query(), title, notes, new Answer.Quotes(Retrieval.quotes(hits), Optional.empty()));
    }
    return Answer.message("ask", call.query(), title,
        call.text("ask.none", question, String.join(", ", Retrieval.suggestions(library, searchText, 5))));
  }

  /** Passages about the known part of a question, and the note that says which words matched nothing. */
  private record Partial(List<SearchHit> hits, String note) {}

  /**
   * When some words of the question appear nowhere (an English question over Chinese articles often
   * has such words), but it names a distinctive glossary topic that does appear: the passages about
   * what is known, saying plainly which words matched nothing. A topic in more than a quarter of all
   * passages (Kubernetes) is not distinctive enough to answer on.
   */
  private static Partial partialMatch(Invocation call, QueryPlan plan, Edition scope) {
    Library library = call.library();
    int passages = library.corpus().passages().size();
    // Exact counts walk every match: count each concept once.
    Map<Concept, Integer> counts = new LinkedHashMap<>();
    plan.concepts().forEach(c -> counts.put(c, library.countPassages(c)));
    List<Concept> known = plan.concepts().stream().filter(c -> counts.get(c) > 0).toList();
    List<Concept> unknown = plan.concepts().stream().filter(c -> counts.get(c) == 0).toList();
    boolean distinctive = known.stream()
        .anyMatch(c -> c.topic() != null && counts.get(c) * DISTINCTIVE_SHARE <= passages);
    if (unknown.isEmpty() || !distinctive) {
      return null;
    }
    List<SearchHit> hits = Retrieval.select(library, new QueryPlan(plan.text(), known), POLICY, scope);
    if (hits.isEmpty()) {
      return null;
    }
    return new Partial(hits, call.text("ask.partial", labels(unknown), labels(known)));
  }

  private static String labels(List<Concept> concepts) {
    return concepts.stream().map(c -> "“" + c.label() + "”").collect(Collectors.joining(", "));
  }
}
