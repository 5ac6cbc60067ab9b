package dev.kubeconbot.answer;

import dev.kubeconbot.content.Article;
import dev.kubeconbot.content.Edition;
import dev.kubeconbot.content.Sentences;
import dev.kubeconbot.search.Glossary;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.search.Match;
import dev.kubeconbot.search.QueryPlan;
import dev.kubeconbot.search.SearchHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shared step from a query to quotes: search, keep only passages that are really about the
 * query (never pad with weak matches), at most a few per article, best first.
 */
final class Retrieval {

  /**
   * How strict a command is.
   *
   * @param match whether passages must contain every concept or are ranked on any
   * @param minCoverage share of the query's concepts (weighted by rarity) a passage must contain
   * @param minRelativeScore share of the best score a passage must reach
   * @param perArticle most passages quoted from one article
   * @param limit most passages in all
   * @param newestFirst whether passages of equal relevance are ordered newest edition first
   */
  record Policy(Match match, double minCoverage, double minRelativeScore, int perArticle, int limit, boolean newestFirst) {

    /**
     * This policy for a search within {@code scope}: the per-article cap spreads quotes over
     * articles, and a question about an edition with one article has no others.
     */
    Policy within(Library library, Edition scope) {
      boolean oneArticle = scope != null && Editions.articles(library, scope).size() == 1;
      return oneArticle ? new Policy(match, minCoverage, minRelativeScore, limit, limit, newestFirst) : this;
    }
  }

  /** Passages considered before filtering: enough to fill a page after the per-article cap. */
  private static final int POOL = 60;
  /** A sentence that only points elsewhere ("点击此处查看整个讨论:", "Click here to …") is not worth quoting. */
  private static final Pattern BOILERPLATE = Pattern.compile(
      "(?i)^[\\p{Punct}\\s]*(点击|點擊|单击|單擊|click|tap)\\s*(此处|這裡|这里|此處|here|below)|^[\\p{Punct}\\s]*(阅读原文|閱讀原文|原文链接|原文連結|read more|read the full|see the full|watch the)");
  /** Characters a quote's first sentence needs to be read on its own. */
  private static final int MIN_LEAD = 20;
  /** Scores within this share of each other count as equally relevant. */
  private static final double RELEVANCE_STEP = 0.2;

  private Retrieval() {}

  /** The passages for {@code plan} that pass {@code policy}; {@code scope} limits them to an edition (or {@code null}). */
  static List<SearchHit> select(Library library, QueryPlan plan, Policy policy, Edition scope) {
    List<SearchHit> hits = library.search(plan, policy.match(), scope, POOL).stream()
        .filter(h -> h.coverage() >= policy.minCoverage() - 1e-9)
        .toList();
    if (hits.isEmpty()) {
      return List.of();
    }
    float best = hits.getFirst().score();
    Comparator<SearchHit> order = Comparator.comparingDouble((SearchHit h) -> -tier(h.score(), best));
    if (policy.newestFirst()) {
      order = order.thenComparing(h -> h.passage().article().edition(), Comparator.reverseOrder());
    }
    order = order.thenComparingDouble(h -> -h.score());
    return capped(hits.stream().filter(h -> h.score() >= best * policy.minRelativeScore()).sorted(order).toList(),
        policy.within(library, scope));
  }

  /** The first of {@code ordered}, at most {@code policy.perArticle()} per article and {@code policy.limit()} in all. */
  static List<SearchHit> capped(List<SearchHit> ordered, Policy policy) {
    Map<Article, Integer> perArticle = new HashMap<>();
    List<SearchHit> selected = new ArrayList<>();
    for (SearchHit hit : ordered) {
      if (perArticle.merge(hit.passage().article(), 1, Integer::sum) <= policy.perArticle()) {
        selected.add(hit);
        if (selected.size() == policy.limit()) {
          break;
        }
      }
    }
    return selected;
  }

  /**
   * The hits as quotes, each leading with its sentence that best answers {@code plan} (the text
   * before it cut, marked "…") and without trailing boilerplate such as "Click here to …".
   */
  static List<Quote> quotes(List<SearchHit> hits, QueryPlan plan, Library library) {
    if (hits.isEmpty()) {
      return List.of();
    }
    float best = hits.stream().map(SearchHit::score).max(Float::compare).orElse(1f);
    return hits.stream()
        .map(h -> Quote.of(h.passage(), excerpt(h.passage().text(), plan, library),
            Math.round(1000.0 * h.score() / best) / 1000.0))
        .toList();
  }

  /** {@code text} from its best sentence for {@code plan} on, verbatim, trailing boilerplate dropped; cuts marked "…". */
  static String excerpt(String text, QueryPlan plan, Library library) {
    List<String> sentences = Sentences.split(text);
    int end = withoutBoilerplate(sentences);
    List<String> kept = sentences.subList(0, end);
    int best = library.bestSentence(plan, kept);
    // A lead too short to stand alone ("未来", a list marker) keeps the sentences just before it, as
    // few as make it long enough: an item of a list ("4. Istio的（不确定？）未来") starts an item or
    // two up, not at the list's opening words.
    int lead = best;
    int length = kept.get(best).length();
    while (lead > 0 && length < MIN_LEAD) {
      lead--;
      length += kept.get(lead).length();
    }
    int from = lead == 0 ? 0 : offsetOf(text, sentences, lead);
    int to = end == sentences.size() ? text.length() : offsetOf(text, sentences, end);
    String excerpt = text.substring(from, to).strip();
    return (from > 0 ? Sentences.ELLIPSIS : "") + excerpt + (to < text.length() ? Sentences.ELLIPSIS : "");
  }

  /**
   * {@code text} verbatim without its trailing boilerplate ("点击此处查看整个讨论:", "Click here to …"),
   * the cut marked "…": how every command quotes a whole passage.
   */
  static String withoutBoilerplate(String text) {
    List<String> sentences = Sentences.split(text);
    int end = withoutBoilerplate(sentences);
    return end == sentences.size() ? text : text.substring(0, offsetOf(text, sentences, end)).strip() + Sentences.ELLIPSIS;
  }

  /** How many of {@code sentences} come before the boilerplate that ends them (at least one). */
  private static int withoutBoilerplate(List<String> sentences) {
    int end = sentences.size();
    while (end > 1 && BOILERPLATE.matcher(sentences.get(end - 1)).find()) {
      end--;
    }
    return end;
  }

  /** Where sentence {@code index} of {@code sentences} (the split of {@code text}) starts in {@code text}. */
  private static int offsetOf(String text, List<String> sentences, int index) {
    int at = 0;
    for (int i = 0; i < index; i++) {
      at = text.indexOf(sentences.get(i), at) + sentences.get(i).length();
    }
    return text.indexOf(sentences.get(index), at);
  }

  /**
   * Matching passages per edition with articles, in time order, leaving out articles whose edition
   * is unknown (they cannot be placed in time).
   */
  static Map<Edition, Integer> countByEdition(Library library, QueryPlan plan) {
    Map<Edition, Integer> counts = new java.util.TreeMap<>(library.countByEdition(plan));
    counts.keySet().removeIf(e -> !e.hasYear());
    return counts;
  }

  /** "KubeCon EU 2021 (3), EU 2022 (2)": editions with matches and how many, in time order. */
  static String editionCounts(Map<Edition, Integer> counts) {
    return counts.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .map(e -> e.getKey().shortLabel() + " (" + e.getValue() + ")")
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** "No passage about “X”. Try: …" with topics the articles do discuss. */
  static String nothingAbout(Invocation call, String topic) {
    return call.text("topic.none", topic, String.join(", ", suggestions(call.library(), topic, 5)));
  }

  /**
   * Glossary topics to suggest when nothing matched {@code text}: topics whose names resemble it,
   * else the most discussed ones. Only topics the corpus actually discusses.
   */
  static List<String> suggestions(Library library, String text, int count) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    Comparator<Glossary.Topic> byCount = Comparator.comparingInt(library::count).reversed();
    List<Glossary.Topic> discussed = library.glossary().topics().stream().filter(t -> library.count(t) > 0).toList();
    List<Glossary.Topic> similar = discussed.stream()
        .filter(t -> t.names().stream().anyMatch(n -> resembles(n.toLowerCase(Locale.ROOT), wanted)))
        .sorted(byCount)
        .toList();
    List<Glossary.Topic> pick = new ArrayList<>(similar);
    discussed.stream().sorted(byCount).filter(t -> !pick.contains(t)).forEach(pick::add);
    return pick.stream().limit(count).map(Glossary.Topic::name).toList();
  }

  private static boolean resembles(String name, String wanted) {
    if (wanted.isEmpty()) {
      return false;
    }
    int allowed = Math.max(1, name.length() / 4);
    // The edit distance is at least the difference in length: a long question resembles no name, and
    // is not worth a quadratic comparison with every one.
    return name.contains(wanted) || wanted.contains(name)
        || (Math.abs(name.length() - wanted.length()) <= allowed && Glossary.editDistance(name, wanted) <= allowed);
  }

  private static double tier(float score, float best) {
    return Math.floor(score / best / RELEVANCE_STEP);
  }
}
