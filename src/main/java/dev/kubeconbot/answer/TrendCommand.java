package dev.kubeconbot.answer;

import dev.kubeconbot.content.Edition;
import dev.kubeconbot.search.EditionMatches;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.search.QueryPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /trend topic:<text>}: how often a topic is discussed at each edition (matching passages,
 * and their share of the edition's passages), with the best quote per edition. Front ends draw the
 * {@link Trend} as a chart.
 */
public final class TrendCommand implements Command {

  static final String TOPIC = "topic";

  @Override
  public CommandSpec spec() {
    // A chart to draw and upload.
    return CommandSpec.slow("trend", List.of(OptionSpec.text(TOPIC, true, true)));
  }

  @Override
  public Answer answer(Invocation call) {
    String topic = call.option(TOPIC);
    Library library = call.library();
    String title = call.heading("trend.heading", topic);
    QueryPlan plan = library.plan(topic);
    if (plan.isEmpty()) {
      return Answer.guidance("trend", call.query(), title, call.text("query.empty"));
    }
    Map<Edition, EditionMatches> matches = library.matchesByEdition(plan);
    matches.keySet().removeIf(edition -> !edition.hasYear());
    if (matches.values().stream().allMatch(m -> m.count() == 0)) {
      return Answer.message("trend", call.query(), title, Retrieval.nothingAbout(call, topic));
    }
    Map<Edition, Integer> passages = library.corpus().passageCounts();
    Map<Edition, Integer> counts = new TreeMap<>();
    List<Trend.Point> points = new ArrayList<>();
    matches.forEach((edition, match) -> {
      Quote best = match.best() == null ? null : Retrieval.quotes(List.of(match.best()), plan, library).getFirst();
      points.add(new Trend.Point(edition, match.count(), passages.getOrDefault(edition, 0), best));
      counts.put(edition, match.count());
    });
    return Answer.of("trend", call.query(), title,
        new Answer.TopicTrend(new Trend(topic, points), call.text("trend.hint", Retrieval.editionCounts(counts))));
  }

  @Override
  public List<Choice> complete(String option, String prefix, Library library) {
    return TopicCommand.topicChoices(prefix, library);
  }
}
