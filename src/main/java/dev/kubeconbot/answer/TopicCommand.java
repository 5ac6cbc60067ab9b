package dev.kubeconbot.answer;

import dev.kubeconbot.search.Glossary;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.search.Match;
import dev.kubeconbot.search.QueryPlan;
import dev.kubeconbot.search.SearchHit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code /topic name:<text>}: the best passages about a topic across all editions, newest edition
 * first among equally relevant ones, at most two per article, and the editions that discuss it.
 * Every quote contains the topic (or one of its glossary names).
 */
public final class TopicCommand implements Command {

  static final String NAME = "name";
  /** A passage must contain every concept of the topic. */
  private static final Retrieval.Policy POLICY = new Retrieval.Policy(Match.ALL, 1.0, 0.0, 2, 10, true);
  private static final int MAX_CHOICES = 25;
  private static final int MAX_LABEL = 100;

  @Override
  public CommandSpec spec() {
    return new CommandSpec("topic", List.of(OptionSpec.text(NAME, true, true)));
  }

  @Override
  public Answer answer(Invocation call) {
    String topic = call.option(NAME);
    Library library = call.library();
    QueryPlan plan = library.plan(topic);
    if (plan.isEmpty()) {
      return Answer.guidance("topic", call.query(), call.heading("topic.heading", topic), call.text("query.empty"));
    }
    List<SearchHit> hits = Retrieval.select(library, plan, POLICY, null);
    if (hits.isEmpty()) {
      return Answer.message("topic", call.query(), call.heading("topic.heading", topic),
          Retrieval.nothingAbout(call, topic));
    }
    String hint = call.text("topic.hint", Retrieval.editionCounts(Retrieval.countByEdition(library, plan)), topic);
    return Answer.of("topic", call.query(), call.heading("topic.heading", topic),
        new Answer.Quotes(Retrieval.quotes(hits, plan, library), Optional.of(hint)));
  }

  @Override
  public List<Choice> complete(String option, String prefix, Library library) {
    return topicChoices(prefix, library);
  }

  /** Glossary topics whose names start with (then contain) {@code prefix}, most discussed first. */
  static List<Choice> topicChoices(String prefix, Library library) {
    String wanted = prefix.strip().toLowerCase(Locale.ROOT);
    Comparator<Glossary.Topic> order = Comparator
        .comparing((Glossary.Topic t) -> !startsWith(t, wanted))
        .thenComparing(t -> library.count(t) == 0)
        .thenComparing(Comparator.comparingInt(library::count).reversed())
        .thenComparing(Glossary.Topic::name);
    Stream<Glossary.Topic> topics = library.glossary().topics().stream()
        .filter(t -> t.names().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(wanted)));
    return topics.sorted(order)
        .limit(MAX_CHOICES)
        .map(t -> new Choice(label(t, library.count(t)), t.name()))
        .toList();
  }

  private static boolean startsWith(Glossary.Topic topic, String prefix) {
    return topic.names().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).startsWith(prefix));
  }

  private static String label(Glossary.Topic topic, int passages) {
    String label = topic.label() + " (" + passages + ")";
    return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
  }
}
