package dev.kubeconbot.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kubeconbot.content.Scripts;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The Lucene queries for one {@link Concept}: any of its variants as a phrase in the passage text
 * (segmented or as bigrams) or in the section heading above it, and separately in the article title.
 * A passage matches a concept only through its own text or heading, so every quote stands under or
 * contains what was asked about. Translations weigh less than the user's own words. Glossary topics
 * come back in query after query: their queries are run once per index, on first use, and their
 * matches and scores kept ({@link ScoredMatches}), within {@link #TOPIC_BYTES}; or taken from what an
 * earlier process saved of this very index ({@link #restore}).
 */
final class ConceptQueries {

  private static final float TIE_BREAKER = 0.1f;
  /** A heading names what its passages are about, but a passage that says it itself is better. */
  static final float HEADING_WEIGHT = 0.5f;
  /**
   * A link's target names in English what its text is about ([丹·科恩](…/in-memoriam-dan-kohn/)),
   * but the passage does not say it in those words: less than a heading.
   */
  static final float LINK_WEIGHT = 0.3f;
  /** The title is shared by every passage of the article: it orders articles, not passages. */
  static final float TITLE_WEIGHT = 0.15f;
  /** A lexicon translation may not carry the user's sense exactly. */
  static final float TRANSLATION_WEIGHT = 0.5f;
  /** Translations searched per word: the lexicon's first renderings are its most usual ones. */
  static final int MAX_TRANSLATIONS = 6;
  /**
   * A translation of several English words (能耗 → "energy consumption", 第一次 → "first time") is
   * rarely written as that exact phrase: its words found apart count too, for this share of the
   * phrase's weight ("electricity prices … energy" answers 能耗).
   */
  static final float LOOSE_WEIGHT = 0.5f;

  /**
   * Memory for the kept matches of glossary topics, 8 bytes per match: all topics of the benchmark's
   * 10,000 articles match 930,000 times in passages and titles (7.5 MB), so this holds every topic
   * up to about 80,000 articles; beyond, the topics used least are run again when asked for.
   */
  static final long TOPIC_BYTES = 64L << 20;

  private final Analyzer analyzer;
  private final IndexSearcher searcher;
  /** The matches of each topic (in passages, in titles), under a key of its query. */
  private final Cache<TopicKey, ScoredMatches> topicMatches = Caffeine.newBuilder()
      .maximumWeight(TOPIC_BYTES)
      .weigher((TopicKey key, ScoredMatches matches) -> (int) Math.min(Integer.MAX_VALUE, matches.bytes()))
      .build();

  /**
   * Matches an earlier process computed on this very index, saved with its warm-up ({@link WarmState}):
   * each is taken, once, in place of running its topic's query, if that is still the query it ran.
   */
  private final Map<TopicKey, ScoredMatches> restored = new ConcurrentHashMap<>();

  /** A glossary topic's query: in the passage text and headings, or in the article title. */
  record TopicKey(Glossary.Topic topic, boolean title) {}

  /** Queries analysed with {@code analyzer}, topic queries run with {@code searcher} (of an index that never changes). */
  ConceptQueries(Analyzer analyzer, IndexSearcher searcher) {
    this.analyzer = analyzer;
    this.searcher = searcher;
  }

  /** The concept in the passage text or its heading. */
  Query of(Concept concept) {
    return concept.topic() == null
        ? inPassage(concept)
        : topicMatches.get(new TopicKey(concept.topic(), false), key -> matches(key, inPassage(concept)));
  }

  /** The concept in the article title. */
  Query inTitle(Concept concept) {
    return concept.topic() == null
        ? titleQuery(concept)
        : topicMatches.get(new TopicKey(concept.topic(), true), key -> matches(key, titleQuery(concept)));
  }

  /** The matches of {@code query}, the query of {@code key}: restored if they are this query's, else run now. */
  private ScoredMatches matches(TopicKey key, Query query) {
    ScoredMatches saved = restored.remove(key);
    return saved != null && saved.name().equals(query.toString()) ? saved : ScoredMatches.of(searcher, query);
  }

  /** The topics' matches kept so far, to be saved with the warm-up. */
  Map<TopicKey, ScoredMatches> kept() {
    return Map.copyOf(topicMatches.asMap());
  }

  /**
   * Offers matches {@link #kept} returned in an earlier process, on an index with the very same
   * documents (the same commit): each is used on its topic's first use if its query is the same.
   */
  void restore(Map<TopicKey, ScoredMatches> saved) {
    restored.putAll(saved);
  }

  private Query inPassage(Concept concept) {
    // A set: "Operator", "operators" and "operator" are one stemmed term, searched once.
    Set<Query> alternatives = new LinkedHashSet<>();
    addVariants(alternatives, concept.variants(), 1f);
    addVariants(alternatives, translations(concept), TRANSLATION_WEIGHT);
    for (String translation : translations(concept)) {
      loose(translation).ifPresent(q -> alternatives.add(boosted(q, TRANSLATION_WEIGHT * LOOSE_WEIGHT)));
    }
    return boosted(new DisjunctionMaxQuery(alternatives, TIE_BREAKER), concept.weight());
  }

  /** The words of an English phrase, any of them, in the passage text; empty for one word or Chinese. */
  private Optional<Query> loose(String phrase) {
    List<String> words = looseWords(phrase);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    words.forEach(w -> any.add(new TermQuery(new Term(Analyzers.TEXT_BIGRAMS, w)), BooleanClause.Occur.SHOULD));
    return Optional.of(any.build());
  }

  /** The indexed words of an English phrase of two or more words; empty for a single word or Chinese text. */
  List<String> looseWords(String phrase) {
    if (Scripts.hasHan(phrase)) {
      return List.of();
    }
    List<String> words = tokens(Analyzers.TEXT_BIGRAMS, phrase).stream().map(Analyzers.Token::term).distinct().toList();
    return words.size() > 1 ? words : List.of();
  }

  private void addVariants(Set<Query> alternatives, List<String> variants, float weight) {
    for (String variant : variants) {
      for (String field : fieldsFor(variant)) {
        phrase(field, variant).ifPresent(q -> alternatives.add(boosted(q, weight)));
      }
      phrase(Analyzers.HEADING, variant).ifPresent(q -> alternatives.add(boosted(q, weight * HEADING_WEIGHT)));
      if (!Scripts.hasHan(variant)) {
        phrase(Analyzers.LINKS, variant).ifPresent(q -> alternatives.add(boosted(q, weight * LINK_WEIGHT)));
      }
    }
  }

  private Query titleQuery(Concept concept) {
    Set<Query> alternatives = new LinkedHashSet<>();
    concept.variants().forEach(v -> phrase(Analyzers.TITLE, v).ifPresent(alternatives::add));
    translations(concept).forEach(v -> phrase(Analyzers.TITLE, v).ifPresent(q -> alternatives.add(boosted(q, TRANSLATION_WEIGHT))));
    return boosted(new DisjunctionMaxQuery(alternatives, TIE_BREAKER), TITLE_WEIGHT * concept.weight());
  }

  static List<String> translations(Concept concept) {
    return concept.translations().subList(0, Math.min(MAX_TRANSLATIONS, concept.translations().size()));
  }

  private static Query boosted(Query query, float weight) {
    return weight == 1f ? query : new BoostQuery(query, weight);
  }

  /** Both text fields for Chinese; for Latin text both analyses give the same stemmed words, so one. */
  static List<String> fieldsFor(String variant) {
    return Scripts.hasHan(variant) ? IndexSchema.TEXT_FIELDS : List.of(Analyzers.TEXT_BIGRAMS);
  }

  private static boolean isLoneHan(String term) {
    return term.codePointCount(0, term.length()) == 1 && Scripts.isHan(term.codePointAt(0));
  }

  /** The terms {@code text} is searched for in {@code field}. */
  List<Analyzers.Token> tokens(String field, String text) {
    return Analyzers.tokens(analyzer, field, text);
  }

  /** {@code text} as a phrase (or a term) of {@code field}; empty if the analysis leaves nothing to match. */
  Optional<Query> phrase(String field, String text) {
    return phrase(field, text, 0);
  }

  /** Like {@link #phrase(String, String)}, allowing {@code slop} moves between its words. */
  Optional<Query> phrase(String field, String text, int slop) {
    List<Analyzers.Token> tokens = tokens(field, text);
    if (field.equals(Analyzers.TEXT_WORDS) && tokens.size() > 1
        && tokens.stream().allMatch(t -> t.term().codePointCount(0, t.term().length()) == 1)) {
      // Segmented into single characters (多云 → 多 云): no word to match on; the bigrams say it exactly.
      return Optional.empty();
    }
    if (!field.equals(Analyzers.TEXT_WORDS) && tokens.size() > 1) {
      // A Chinese character standing alone in the question ("丹" of 丹·科恩) may be half of a bigram in
      // the text ("及丹" of 以及丹·科恩): the question's real bigrams are matched, not its lone characters.
      List<Analyzers.Token> pairs = tokens.stream().filter(t -> !isLoneHan(t.term())).toList();
      if (!pairs.isEmpty()) {
        tokens = pairs;
      }
    }
    if (tokens.size() <= 1) {
      return tokens.stream().findFirst().map(t -> new TermQuery(new Term(field, t.term())));
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(slop);
    tokens.forEach(t -> phrase.add(new Term(field, t.term()), t.position()));
    return Optional.of(phrase.build());
  }
}
