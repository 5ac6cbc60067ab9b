package dev.kubeconbot.answer;

import dev.kubeconbot.content.Article;
import dev.kubeconbot.content.Edition;
import dev.kubeconbot.search.Concept;
import dev.kubeconbot.search.Glossary;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.search.Match;
import dev.kubeconbot.search.Mentions;
import dev.kubeconbot.search.QueryPlan;
import dev.kubeconbot.search.SearchHit;
import dev.kubeconbot.search.WordCount;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code /trends [edition] [vs]}: what an edition (or a year) talked about against the editions
 * before it, or against {@code vs}: glossary topics that rose, are new or faded, each rising or new
 * one with a quote (from different articles where possible), names (of projects, products) the
 * edition used far more than before, and a heat map of the top topics per edition. Without an edition: the latest one.
 *
 * <p>Small samples are said to be small: every figure gives its passages, a single passage is never
 * a trend, and an edition covered by one article says that this is one article's view.
 */
public final class TrendsCommand implements Command {

  static final String EDITION = "edition";
  static final String VS = "vs";
  /** A topic or word needs this many passages of the selection to be a trend. */
  static final int MIN_PASSAGES = 2;
  /** The smallest change of share that counts: one percentage point… */
  private static final double MIN_CHANGE = 0.01;
  /** …that also multiplies (or divides) the share by at least this. */
  private static final double MIN_FACTOR = 1.5;
  /** A distinctive word is in at least this many passages of the selection… */
  private static final int MIN_WORD_PASSAGES = 3;
  /** …of at least this many articles… */
  private static final int MIN_WORD_ARTICLES = 2;
  /**
   * …over-represented with a log-likelihood (G²) above this (p < 0.05 for one degree of freedom:
   * small corpora give small figures)…
   */
  private static final double MIN_LOG_LIKELIHOOD = 3.84;
  /** …and at least this many times as frequent as in the baseline, so that chance does not pass in a large corpus. */
  private static final double MIN_WORD_LIFT = 2;
  private static final int LISTED = 5;
  private static final int HEAT_TOPICS = 8;
  private static final int HEAT_FADING = 3;
  private static final int HEAT_EDITIONS = 16;
  /** Candidates looked at, most distinctive first, to find {@link #LISTED} names among them. */
  private static final int WORD_CANDIDATES = 30;
  /** Passages of a word searched, to count its articles… */
  private static final int WORD_PASSAGES_READ = 200;
  /** …and analysed to see whether it is written as a name. */
  private static final int NAME_PASSAGES_READ = 20;
  private static final Pattern VERSUS = Pattern.compile("(?i)\\s+(?:vs\\.?|versus|against|compared (?:to|with))\\s+"
      + "|\\s*(?:对比|對比|相比|比较|比較)\\s*");

  @Override
  public CommandSpec spec() {
    // A heat map to draw and upload.
    return CommandSpec.slow("trends", List.of(OptionSpec.text(EDITION, false, true), OptionSpec.text(VS, false, true)));
  }

  /** "2024", "EU 2021 vs 2019", "2022 对比 2019". */
  @Override
  public Map<String, String> parseWords(String words) {
    Map<String, String> options = new LinkedHashMap<>();
    String[] sides = VERSUS.split(" " + words.strip() + " ", 2);
    if (!sides[0].isBlank()) {
      options.put(EDITION, sides[0].strip());
    }
    if (sides.length > 1 && !sides[1].isBlank()) {
      options.put(VS, sides[1].strip());
    }
    return options;
  }

  @Override
  public Answer answer(Invocation call) {
    Library library = call.library();
    List<Edition> editions = library.corpus().passageCounts().keySet().stream().filter(Edition::hasYear).toList();
    if (editions.isEmpty()) {
      return Answer.message("trends", call.query(), call.text("trends.heading", "KubeCon"), call.text("sources.none"));
    }
    Optional<Edition> asked = call.option(EDITION).isEmpty() ? Optional.of(editions.getLast())
        : edition(library, editions, call.option(EDITION));
    if (asked.isEmpty()) {
      return unknown(call, call.option(EDITION), editions);
    }
    Edition wanted = asked.get();
    String title = call.text("trends.heading", wanted.label());
    List<Edition> selection = editions.stream().filter(e -> Editions.matches(e, wanted)).toList();
    if (selection.isEmpty()) {
      return Answer.message("trends", call.query(), title, Editions.noArticles(call, wanted));
    }
    Edition against = null;
    List<Edition> baseline;
    if (!call.option(VS).isEmpty()) {
      Optional<Edition> other = edition(library, editions, call.option(VS));
      if (other.isEmpty()) {
        return unknown(call, call.option(VS), editions);
      }
      against = other.get();
      Edition vs = against;
      baseline = editions.stream().filter(e -> Editions.matches(e, vs) && !selection.contains(e)).toList();
      if (baseline.isEmpty()) {
        return Answer.message("trends", call.query(), title, Editions.noArticles(call, against));
      }
    } else {
      baseline = editions.stream().filter(e -> e.compareTo(selection.getFirst()) < 0).toList();
    }
    Trends trends = trends(library, wanted, against, selection, baseline, editions);
    List<Trends.Highlight> highlights = highlights(call, trends);
    return Answer.of("trends", call.query(), title,
        new Answer.EditionTrends(trends, summary(call, trends), highlights));
  }

  /** The edition {@code text} names: a year, a region and year, or a region (its latest edition). */
  private static Optional<Edition> edition(Library library, List<Edition> editions, String text) {
    Edition named = library.calendar().editionIn(text);
    if (named.hasYear()) {
      return Optional.of(named);
    }
    if (named.region() == null) {
      return Optional.empty();
    }
    return editions.reversed().stream().filter(e -> named.region().equals(e.region())).findFirst()
        .or(() -> Optional.of(named));
  }

  private static Answer unknown(Invocation call, String text, List<Edition> editions) {
    return Answer.guidance("trends", call.query(), call.heading("trends.heading", text),
        call.text("trends.badEdition", text, editions.stream().map(Edition::shortLabel).collect(Collectors.joining(", "))));
  }

  /** The figures of the comparison. */
  static Trends trends(Library library, Edition wanted, Edition against, List<Edition> selection,
      List<Edition> baseline, List<Edition> editions) {
    Trends.Sample selected = sample(library, selection);
    Trends.Sample base = sample(library, baseline);
    List<Trends.TopicShift> topics = new ArrayList<>();
    for (Glossary.Topic topic : library.glossary().topics()) {
      Map<Edition, Mentions> mentions = library.mentions(topic);
      int matches = sum(mentions, selection, Mentions::passages);
      int before = sum(mentions, baseline, Mentions::passages);
      if (matches + before > 0) {
        double share = share(matches, selected.passages());
        double beforeShare = share(before, base.passages());
        topics.add(new Trends.TopicShift(topic.label(), matches, sum(mentions, selection, Mentions::articles), share,
            before, beforeShare, status(matches, share, before, beforeShare, base)));
      }
    }
    topics.sort(Comparator.comparingDouble(Trends.TopicShift::change).reversed()
        .thenComparing(Comparator.comparingInt(Trends.TopicShift::matches).reversed())
        .thenComparing(Trends.TopicShift::topic));
    List<Trends.WordShift> words = selected.articles() < MIN_WORD_ARTICLES || base.passages() == 0 ? List.of()
        : words(library, wanted, selection, baseline, selected, base);
    return new Trends(wanted, against, selected, base, topics, words, heat(library, topics, selection, baseline, editions));
  }

  private static Trends.Status status(int matches, double share, int before, double beforeShare, Trends.Sample base) {
    if (base.passages() == 0) {
      return Trends.Status.STEADY; // nothing to compare with
    }
    double change = share - beforeShare;
    if (matches >= MIN_PASSAGES && before == 0) {
      return Trends.Status.NEW;
    }
    if (matches >= MIN_PASSAGES && change >= MIN_CHANGE && share >= beforeShare * MIN_FACTOR) {
      return Trends.Status.RISING;
    }
    if (before >= MIN_PASSAGES && change <= -MIN_CHANGE && share * MIN_FACTOR <= beforeShare) {
      return Trends.Status.FADING;
    }
    return Trends.Status.STEADY;
  }

  /**
   * Words of the selection's passages that are over-represented against the baseline (Dunning's
   * log-likelihood), in enough passages of enough articles, most distinctive first.
   */
  private static List<Trends.WordShift> words(Library library, Edition wanted, List<Edition> selection,
      List<Edition> baseline, Trends.Sample selected, Trends.Sample base) {
    Set<Edition> in = Set.copyOf(selection);
    Set<Edition> out = Set.copyOf(baseline);
    List<WordCount> counts = new ArrayList<>(library.wordCounts(in::contains, out::contains, MIN_WORD_PASSAGES));
    counts.removeIf(w -> (double) w.selected() / selected.passages()
        < MIN_WORD_LIFT * w.baseline() / base.passages());
    Map<WordCount, Double> score = new HashMap<>();
    counts.forEach(w -> score.put(w, logLikelihood(w.selected(), selected.passages(), w.baseline(), base.passages())));
    counts.removeIf(w -> score.get(w) < MIN_LOG_LIKELIHOOD);
    counts.sort(Comparator.comparingDouble((WordCount w) -> -score.get(w)).thenComparing(WordCount::term));
    List<Trends.WordShift> words = new ArrayList<>();
    Set<String> spellings = new LinkedHashSet<>();
    for (WordCount word : counts.subList(0, Math.min(counts.size(), WORD_CANDIDATES))) {
      if (words.size() == LISTED) {
        break;
      }
      List<SearchHit> hits = library.wordPassages(word.term(), wanted, WORD_PASSAGES_READ);
      Set<Article> articles = Collections.newSetFromMap(new IdentityHashMap<>());
      hits.forEach(h -> articles.add(h.passage().article()));
      if (hits.isEmpty() || articles.size() < MIN_WORD_ARTICLES) {
        continue;
      }
      // Names only (a project, a product): an ordinary word used more often is no news.
      Optional<String> name = library.nameIn(word.term(),
          hits.stream().limit(NAME_PASSAGES_READ).map(h -> h.passage().text()).toList());
      if (name.isEmpty()) {
        continue;
      }
      String spelling = name.get();
      if (spellings.add(spelling.toLowerCase(Locale.ROOT))) {
        words.add(new Trends.WordShift(spelling, word.term(), word.selected(), articles.size(),
            share(word.selected(), selected.passages()), word.baseline(), share(word.baseline(), base.passages())));
      }
    }
    return words;
  }

  /**
   * Dunning's G² for a word in {@code a} of {@code n} passages on one side and {@code b} of
   * {@code m} on the other: how unlikely the difference is if both sides used the word alike.
   */
  static double logLikelihood(int a, int n, int b, int m) {
    double expectedA = (double) n * (a + b) / (n + m);
    double expectedB = (double) m * (a + b) / (n + m);
    return 2 * (term(a, expectedA) + term(b, expectedB));
  }

  private static double term(int observed, double expected) {
    return observed == 0 ? 0 : observed * Math.log(observed / expected);
  }

  /**
   * The topics that rose most (new ones included), those that faded most, then the most discussed,
   * per edition in time order.
   */
  private static Trends.Heat heat(Library library, List<Trends.TopicShift> topics, List<Edition> selection,
      List<Edition> baseline, List<Edition> editions) {
    List<Trends.TopicShift> shown = new ArrayList<>();
    topics.stream().filter(t -> t.status() == Trends.Status.RISING || t.status() == Trends.Status.NEW)
        .limit(HEAT_TOPICS - HEAT_FADING)
        .forEach(shown::add);
    topics.reversed().stream().filter(t -> t.status() == Trends.Status.FADING).limit(HEAT_FADING).forEach(shown::add);
    topics.stream().filter(t -> !shown.contains(t) && t.matches() > 0)
        .sorted(Comparator.comparingDouble(Trends.TopicShift::share).reversed())
        .limit(HEAT_TOPICS - shown.size())
        .forEach(shown::add);
    // The editions up to the selection (the latest first to go when there are many), and the baseline asked for.
    int last = editions.indexOf(selection.getLast());
    Set<Edition> columns = new LinkedHashSet<>(editions.subList(Math.max(0, last + 1 - HEAT_EDITIONS), last + 1));
    columns.addAll(selection);
    if (baseline.size() <= HEAT_EDITIONS / 2) {
      columns.addAll(baseline);
    }
    List<Edition> ordered = columns.stream().sorted().toList();
    Map<Edition, Integer> passages = library.corpus().passageCounts();
    Map<String, Glossary.Topic> byLabel = new HashMap<>();
    library.glossary().topics().forEach(t -> byLabel.put(t.label(), t));
    List<List<Double>> shares = shown.stream()
        .map(t -> ordered.stream()
            .map(e -> share(library.mentions(byLabel.get(t.topic())).getOrDefault(e, Mentions.NONE).passages(),
                passages.getOrDefault(e, 0)))
            .toList())
        .toList();
    return new Trends.Heat(ordered, shown.stream().map(Trends.TopicShift::topic).toList(), shares, Set.copyOf(selection));
  }

  /**
   * A quote for each rising and new topic and each distinctive word, from the selection; a topic
   * gets a passage from an article not quoted yet where there is one.
   */
  private static List<Trends.Highlight> highlights(Invocation call, Trends trends) {
    Library library = call.library();
    Map<String, Glossary.Topic> byLabel = new HashMap<>();
    library.glossary().topics().forEach(t -> byLabel.put(t.label(), t));
    // Articles and passages already quoted, told apart by identity (each is one object in the corpus).
    Set<Object> quoted = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Trends.Highlight> highlights = new ArrayList<>();
    for (Trends.TopicShift topic : listed(trends, Trends.Status.RISING, Trends.Status.NEW)) {
      Glossary.Topic glossary = byLabel.get(topic.topic());
      QueryPlan plan = new QueryPlan(glossary.name(), List.of(Concept.of(glossary)));
      pick(library.search(plan, Match.ALL, trends.selection(), 20), quoted)
          .ifPresent(hit -> highlights.add(new Trends.Highlight(topic.topic(), topic.status(),
              call.text("trends.highlight." + topic.status().key(), topic.topic()), quote(hit))));
    }
    for (Trends.WordShift word : trends.words()) {
      List<SearchHit> hits = library.wordPassages(word.term(), trends.selection(), 20);
      pick(hits, quoted).ifPresent(hit -> highlights.add(new Trends.Highlight(word.word(), Trends.Status.NEW,
          call.text("trends.highlight.word", word.word()), quote(hit))));
    }
    return highlights;
  }

  /** The best hit from an article not quoted yet, else the best passage not quoted yet, else the best. */
  private static Optional<SearchHit> pick(List<SearchHit> hits, Set<Object> quoted) {
    Optional<SearchHit> pick = hits.stream().filter(h -> !quoted.contains(h.passage().article())).findFirst()
        .or(() -> hits.stream().filter(h -> !quoted.contains(h.passage())).findFirst())
        .or(() -> hits.stream().findFirst());
    pick.ifPresent(h -> {
      quoted.add(h.passage().article());
      quoted.add(h.passage());
    });
    return pick;
  }

  private static Quote quote(SearchHit hit) {
    return Quote.of(hit.passage(), Retrieval.withoutBoilerplate(hit.passage().text()), 1.0);
  }

  /** The rising topics (largest rise first), then the new ones (largest share first), a few of each. */
  static List<Trends.TopicShift> listed(Trends trends, Trends.Status... statuses) {
    List<Trends.TopicShift> listed = new ArrayList<>();
    for (Trends.Status status : statuses) {
      Comparator<Trends.TopicShift> order = switch (status) {
        case NEW -> Comparator.comparingDouble(Trends.TopicShift::share).reversed();
        case FADING -> Comparator.comparingDouble(Trends.TopicShift::change);
        case RISING, STEADY -> Comparator.comparingDouble(Trends.TopicShift::change).reversed();
      };
      trends.topics().stream().filter(t -> t.status() == status).sorted(order).limit(LISTED).forEach(listed::add);
    }
    return listed;
  }

  /**
   * "KubeCon EU 2022 (1 article, 40 passages) against the 3 editions before (4 articles, 180
   * passages). Only one article … Rising — WebAssembly (12 of 40 passages, 30 %; 2 % before); …"
   */
  static String summary(Invocation call, Trends trends) {
    List<String> parts = new ArrayList<>();
    Trends.Sample selected = trends.selected();
    Trends.Sample base = trends.baseline();
    String baseline = trends.against() != null ? trends.against().label()
        : call.text("trends.before", base.editions());
    parts.add(base.passages() == 0
        ? call.text("trends.first", trends.selection().label(), selected.articles(), selected.passages())
        : call.text("trends.sample", trends.selection().label(), selected.articles(), selected.passages(), baseline,
            base.articles(), base.passages()));
    if (selected.articles() == 1) {
      parts.add(call.text("trends.oneArticle", trends.selection().label()));
    }
    if (base.passages() == 0) {
      parts.add(call.text("trends.mostDiscussed", trends.topics().stream()
          .filter(t -> t.matches() > 0)
          .sorted(Comparator.comparingInt(Trends.TopicShift::matches).reversed())
          .limit(LISTED)
          .map(t -> call.text("trends.item", t.topic(), t.matches(), selected.passages(), percent(t.share())))
          .collect(Collectors.joining("; "))));
      return String.join(" ", parts);
    }
    boolean moved = false;
    for (Trends.Status status : List.of(Trends.Status.RISING, Trends.Status.NEW, Trends.Status.FADING)) {
      List<Trends.TopicShift> topics = listed(trends, status);
      if (!topics.isEmpty()) {
        moved = true;
        parts.add(call.text("trends." + status.key(), topics.stream()
            .map(t -> status == Trends.Status.FADING
                ? call.text("trends.fadingItem", t.topic(), t.matches(), percent(t.share()), percent(t.before()),
                    t.beforeMatches())
                : call.text("trends.shiftItem", t.topic(), t.matches(), selected.passages(), percent(t.share()),
                    percent(t.before())))
            .collect(Collectors.joining("; "))));
      }
    }
    if (!moved) {
      parts.add(call.text("trends.noChange"));
    }
    if (!trends.words().isEmpty()) {
      parts.add(call.text("trends.words", trends.words().stream()
          .map(w -> call.text("trends.wordItem", w.word(), w.matches(), w.articles(), w.beforeMatches()))
          .collect(Collectors.joining("; "))));
    }
    List<String> once = trends.topics().stream()
        .filter(t -> t.matches() == 1 && t.beforeMatches() == 0)
        .map(Trends.TopicShift::topic)
        .limit(LISTED)
        .toList();
    if (!once.isEmpty()) {
      parts.add(call.text("trends.once", String.join(", ", once)));
    }
    return String.join(" ", parts);
  }

  /** A share as a percentage: "50", "9.5", "0.4", "0". */
  static String percent(double share) {
    double percent = share * 100;
    if (percent == 0 || percent >= 10) {
      return String.format(Locale.ROOT, "%.0f", percent);
    }
    return String.format(Locale.ROOT, "%.1f", percent);
  }

  private static Trends.Sample sample(Library library, List<Edition> editions) {
    int articles = editions.stream().mapToInt(e -> library.corpus().byEdition().getOrDefault(e, List.of()).size()).sum();
    int passages = editions.stream().mapToInt(e -> library.corpus().passageCounts().getOrDefault(e, 0)).sum();
    return new Trends.Sample(editions.size(), articles, passages);
  }

  private static int sum(Map<Edition, Mentions> mentions, List<Edition> editions, ToIntFunction<Mentions> count) {
    return editions.stream().mapToInt(e -> count.applyAsInt(mentions.getOrDefault(e, Mentions.NONE))).sum();
  }

  private static double share(int count, int of) {
    return of == 0 ? 0 : (double) count / of;
  }

  @Override
  public List<Choice> complete(String option, String prefix, Library library) {
    String wanted = prefix.strip().toLowerCase(Locale.ROOT);
    List<String> values = new ArrayList<>();
    List<Edition> editions = library.corpus().passageCounts().keySet().stream().filter(Edition::hasYear).toList();
    for (int year : library.corpus().years().reversed()) {
      values.add(Integer.toString(year));
      editions.reversed().stream().filter(e -> e.year() == year && e.region() != null)
          .forEach(e -> values.add(e.shortLabel()));
    }
    return values.stream()
        .distinct()
        .filter(v -> v.toLowerCase(Locale.ROOT).contains(wanted))
        .map(v -> new Choice(v, v))
        .toList();
  }
}
