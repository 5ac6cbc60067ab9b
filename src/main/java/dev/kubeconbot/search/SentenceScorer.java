package dev.kubeconbot.search;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;

/**
 * Which sentence of a passage answers a question best: the one containing the most of the plan's
 * concepts, each weighted by its rarity and, for translations, less. Sentences are compared by their
 * bigram analysis, the same terms the index matched, so a stemmed or Chinese match counts here too.
 */
final class SentenceScorer {

  /** A figure, for a "how many" question, is worth about one common word. */
  private static final double FIGURE_WEIGHT = 1.0;
  /** A sentence scoring this share of the best one answers about as well. */
  private static final double ENOUGH = 0.5;

  /** A concept as sentences are scored against it: the terms of each variant and translation, and their weights. */
  private record Wanted(List<Set<String>> own, List<Set<String>> translated, double ownWeight, double translatedWeight) {}

  private final Analyzer bigrams = Analyzers.bigrams();
  private final Coverage coverage;
  private final int passages;
  /** Glossary topics come back in quote after quote: analysed once (bounded by the glossary). */
  private final Map<Glossary.Topic, Wanted> topics = new ConcurrentHashMap<>();

  SentenceScorer(Coverage coverage, int passages) {
    this.coverage = coverage;
    this.passages = passages;
  }

  /**
   * The index of the first of {@code sentences} that answers {@code plan} about as well as the best
   * one (0 when none matches): text before it is cut, so it is cut only for a clearly better sentence.
   */
  int best(QueryPlan plan, List<String> sentences) {
    if (sentences.size() <= 1 || plan.isEmpty()) {
      return 0;
    }
    List<Set<String>> terms = sentences.stream().map(this::terms).toList();
    double[] scores = new double[sentences.size()];
    plan.concepts().forEach(concept -> score(concept, 1, terms, scores));
    // A hint weighs what it weighs in the search: a sentence saying "its goal is" leads a question for a purpose.
    plan.hints().forEach(hint -> score(hint, hint.weight(), terms, scores));
    if (plan.asksHowMany()) {
      for (int i = 0; i < sentences.size(); i++) {
        if (IndexSchema.hasFigure(sentences.get(i))) {
          scores[i] += FIGURE_WEIGHT;
        }
      }
    }
    double max = Arrays.stream(scores).max().orElse(0);
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] > 0 && scores[i] >= max * ENOUGH) {
        return i;
      }
    }
    return 0;
  }

  /** Adds {@code share} of {@code concept}'s weight to the score of each sentence that contains it. */
  private void score(Concept concept, double share, List<Set<String>> terms, double[] scores) {
    Wanted wanted = concept.topic() == null ? wanted(concept) : topics.computeIfAbsent(concept.topic(), t -> wanted(concept));
    for (int i = 0; i < terms.size(); i++) {
      if (containsAny(terms.get(i), wanted.own())) {
        scores[i] += share * wanted.ownWeight();
      } else if (containsAny(terms.get(i), wanted.translated())) {
        scores[i] += share * wanted.translatedWeight();
      }
    }
  }

  private Wanted wanted(Concept concept) {
    double translated = concept.translations().isEmpty() ? 0 : rarity(concept.translations()) * ConceptQueries.TRANSLATION_WEIGHT;
    return new Wanted(concept.variants().stream().map(this::terms).toList(),
        concept.translations().stream().map(this::terms).toList(), rarity(concept.variants()), translated);
  }

  /** BM25's idf of the passages with any of {@code texts}. */
  private double rarity(List<String> texts) {
    return Coverage.idf(coverage.estimatedCount(texts), passages);
  }

  private static boolean containsAny(Set<String> sentence, List<Set<String>> variants) {
    for (Set<String> wanted : variants) {
      if (!wanted.isEmpty() && sentence.containsAll(wanted)) {
        return true;
      }
    }
    return false;
  }

  private Set<String> terms(String text) {
    Set<String> terms = new HashSet<>();
    Analyzers.tokens(bigrams, Analyzers.TEXT_BIGRAMS, text).forEach(t -> terms.add(t.term()));
    return terms;
  }
}
