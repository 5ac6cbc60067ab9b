package dev.kubeconbot.answer;

import dev.kubeconbot.content.Edition;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.search.QueryPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /trend topic:<text>}: how often a topic is discussed at each edition (matching passages,
 * and their share of the edition's passages), with the best quote per edition. Front ends draw the
 * {@link Trend} as a chart.
 */
public final class TrendCommand implements Command {

  static final String TOPIC = "topic";
  /** As for /topic: a passage counts only if it contains every concept of the topic. */
  private static final Retrieval.Policy BEST_OF_YEAR = new Retrieval.Policy(1.0, 0.0, 1, 10, false);

  @Override
  public CommandSpec spec() {
    return new CommandSpec("trend", List.of(OptionSpec.text(TOPIC, true, true)));
  }

  @Override
  public Answer answer(Invocation call) {
    String topic = call.option(TOPIC);
    Library library = call.library();
    String title = call.text("trend.heading", topic);
    QueryPlan plan = library.planner().plan(topic);
    if (plan.isEmpty()) {
      return Answer.message("trend", call.query(), title, call.text("query.empty"));
    }
    Map<Edition, Integer> counts = Retrieval.countByEdition(library, plan);
    if (counts.values().stream().allMatch(n -> n == 0)) {
      return Answer.message("trend", call.query(), title,
          call.text("topic.none", topic, String.join(", ", Retrieval.suggestions(library, topic, 5))));
    }
    Map<Edition, Integer> passages = library.corpus().passageCounts();
    List<Trend.Point> points = new ArrayList<>();
    List<Quote> quotes = new ArrayList<>();
    counts.forEach((edition, matches) -> {
      Quote best = matches == 0 ? null : best(library, plan, edition);
      points.add(new Trend.Point(edition, matches, passages.getOrDefault(edition, 0), best));
      if (best != null) {
        quotes.add(best);
      }
    });
    return new Answer("trend", call.query(), title, quotes, null,
        call.text("trend.hint", Retrieval.editionCounts(counts)), new Trend(topic, points));
  }

  @Override
  public List<Choice> complete(String option, String prefix, Library library) {
    return TopicCommand.topicChoices(prefix, library);
  }

  /** The best quote of exactly this edition (a scope without region would also admit other regions). */
  private static Quote best(Library library, QueryPlan plan, Edition edition) {
    return Retrieval.quotes(Retrieval.select(library, plan, BEST_OF_YEAR, edition)).stream()
        .filter(q -> q.edition().equals(edition))
        .findFirst()
        .orElse(null);
  }
}
