package dev.kubeconbot.answer;

import dev.kubeconbot.content.Edition;
import dev.kubeconbot.search.Concept;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.search.Match;
import dev.kubeconbot.search.Nearby;
import dev.kubeconbot.search.QueryPlan;
import dev.kubeconbot.search.SearchHit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /ask question:<text>}: a free question in English or Chinese answered with the best
 * passages, ranked, the answering sentence first. The edition a question names ("at KubeCon EU
 * 2019", "北美 2020", "KubeCon Paris", "巴黎") narrows the search to it. Words that occur nowhere are
 * named in the answer.
 */
public final class AskCommand implements Command {

  static final String QUESTION = "question";
  /** Ranked: how many of the question's words a passage needs grows with their number (see {@link Match#RANKED}). */
  private static final Retrieval.Policy POLICY = new Retrieval.Policy(Match.RANKED, 0.0, 0.3, 2, 5, false);
  /** A word in at most one passage of this many is distinctive enough to answer on by itself. */
  private static final int DISTINCTIVE_SHARE = 4;

  @Override
  public CommandSpec spec() {
    return new CommandSpec("ask", List.of(OptionSpec.text(QUESTION, true, false)));
  }

  @Override
  public Answer answer(Invocation call) {
    String question = call.option(QUESTION);
    Library library = call.library();
    String title = call.heading("ask.heading", question);
    Edition edition = Editions.asked(library, question);
    Edition scope = null;
    String searchText = question;
    if (edition.isKnown()) {
      if (!Editions.hasArticles(library, edition)) {
        return Answer.message("ask", call.query(), title, Editions.noArticles(call, edition));
      }
      scope = edition;
      searchText = library.calendar().withoutEditionWords(question);
    }
    QueryPlan plan = library.plan(searchText);
    if (plan.isEmpty() && !(plan.asksHowMany() && scope != null)) {
      return Answer.guidance("ask", call.query(), title, call.text("query.empty"));
    }
    Nearby nearby = library.nearby(question, scope);
    plan = plan.withConcepts(plan.concepts().stream().map(library::respelled).distinct().toList());
    Map<Boolean, List<Concept>> found = plan.concepts().stream().collect(Collectors.partitioningBy(library::mayContain));
    List<Concept> known = found.get(true);
    List<Concept> unknown = found.get(false);
    boolean figuresOnly = known.isEmpty() && unknown.isEmpty();
    List<SearchHit> hits = known.isEmpty() && !figuresOnly
        ? List.of()
        : Retrieval.select(library, plan.withConcepts(known), POLICY, scope);
    if (!unknown.isEmpty() && !answerable(library, hits, known, unknown)) {
      hits = List.of();
    }
    List<String> notes = unknown.isEmpty() || hits.isEmpty()
        ? List.of()
        : List.of(call.text("ask.partial", labels(unknown), labels(known)));
    hits = Retrieval.capped(nearby.fuse(hits), POLICY.within(library, scope));
    if (hits.isEmpty()) {
      return Answer.message("ask", call.query(), title,
          call.text("ask.none", question, String.join(", ", Retrieval.suggestions(library, searchText, 5))));
    }
    return new Answer("ask", call.query(), title, notes, new Answer.Quotes(Retrieval.quotes(hits, plan, library), Optional.empty()));
  }

  /**
   * Whether {@code hits} answer a question some of whose words occur nowhere: if one of them holds
   * words of the question that weigh (by rarity) at least as much as the missing ones, or the
   * question names a distinctive glossary topic. A topic in more than a quarter of all passages
   * (Kubernetes) is not distinctive, and the word a question is about is usually its rarest:
   * "quantum computing" is refused.
   */
  private static boolean answerable(Library library, List<SearchHit> hits, List<Concept> known, List<Concept> unknown) {
    if (hits.isEmpty()) {
      return false;
    }
    double found = known.stream().mapToDouble(library::rarity).sum();
    double missing = unknown.stream().mapToDouble(library::rarity).sum();
    double held = hits.stream().mapToDouble(SearchHit::coverage).max().orElse(0) * found;
    if (held >= missing) {
      return true;
    }
    int passages = library.corpus().passages().size();
    return known.stream().anyMatch(c -> c.topic() != null && library.countPassages(c) * DISTINCTIVE_SHARE <= passages);
  }

  private static String labels(List<Concept> concepts) {
    return concepts.stream().map(c -> "“" + c.label() + "”").collect(Collectors.joining(", "));
  }
}
