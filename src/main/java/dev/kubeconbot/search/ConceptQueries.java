package dev.kubeconbot.search;

import dev.kubeconbot.content.Scripts;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The Lucene query for one {@link Concept}: any of its variants, as a phrase in the passage text,
 * segmented or as bigrams. A passage matches a concept only through its own text, so every quote
 * contains what was asked about. Glossary topics come back in query after query; their queries are
 * built once per index (bounded by the glossary).
 */
final class ConceptQueries {

  private static final float TIE_BREAKER = 0.1f;

  private final Analyzer analyzer;
  private final Map<Glossary.Topic, Query> topicQueries = new ConcurrentHashMap<>();

  ConceptQueries(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  Query of(Concept concept) {
    return concept.topic() == null
        ? build(concept)
        : topicQueries.computeIfAbsent(concept.topic(), topic -> build(concept));
  }

  private Query build(Concept concept) {
    // A set: "Operator", "operators" and "operator" are one stemmed term, searched once.
    Set<Query> alternatives = new LinkedHashSet<>();
    for (String variant : concept.variants()) {
      for (String field : fieldsFor(variant)) {
        phrase(field, variant).ifPresent(alternatives::add);
      }
    }
    return new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
  }

  /** Both text fields for Chinese; for Latin text both analyses give the same stemmed words, so one. */
  static List<String> fieldsFor(String variant) {
    return Scripts.hasHan(variant) ? IndexSchema.TEXT_FIELDS : List.of(Analyzers.TEXT_BIGRAMS);
  }

  /** The terms {@code text} is searched for in {@code field}. */
  List<Analyzers.Token> tokens(String field, String text) {
    return Analyzers.tokens(analyzer, field, text);
  }

  private Optional<Query> phrase(String field, String text) {
    List<Analyzers.Token> tokens = tokens(field, text);
    if (field.equals(Analyzers.TEXT_WORDS) && tokens.size() > 1
        && tokens.stream().allMatch(t -> t.term().codePointCount(0, t.term().length()) == 1)) {
      // Segmented into single characters (多云 → 多 云): no word to match on; the bigrams say it exactly.
      return Optional.empty();
    }
    if (tokens.size() <= 1) {
      return tokens.stream().findFirst().map(t -> new TermQuery(new Term(field, t.term())));
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    tokens.forEach(t -> phrase.add(new Term(field, t.term()), t.position()));
    return Optional.of(phrase.build());
  }
}
