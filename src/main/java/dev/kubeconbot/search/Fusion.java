package dev.kubeconbot.search;

import dev.kubeconbot.content.Passage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a question's lexical hits and its nearest passages by meaning become one ranking. A passage
 * found only by meaning must clear the similarity floor of its model: nearest neighbours always
 * exist, and a weak one must never pad an answer. A lexical hit in the other language (found through
 * the lexicon) cannot be among the nearest passages, which are of the question's language only: its
 * missing semantic share is taken to equal its lexical one, so that it is not pushed down for what
 * the models cannot see.
 */
sealed interface Fusion {

  /** Nearest passages considered per question. */
  int NEAREST = 10;
  /**
   * The way the bot fuses: chosen on the eval's tune split (see the README, "Semantic search"). 0.6
   * since the lexical engine writes out short forms and corrects typos: it loses on no group against
   * 0.5 and ranks English answers higher (en-en MRR 0.865 against 0.843).
   */
  Fusion HYBRID = new Linear(0.6);

  /**
   * One ranking, best first. The score of each hit is the fused score; its coverage is the lexical
   * one, or 0 for a passage found by meaning only.
   *
   * @param lexical the lexical hits, best first
   * @param semantic the nearest passages, nearest first
   * @param lang the question's language: the language of {@code semantic}
   * @param floor the cosine similarity a passage found by meaning only must reach
   */
  List<SearchHit> fuse(List<SearchHit> lexical, List<VectorIndex.Hit> semantic, VectorLang lang, double floor);

  /** The lexical hits as they are: what the bot does without vectors (and the eval's baseline). */
  record LexicalOnly() implements Fusion {
    @Override
    public List<SearchHit> fuse(List<SearchHit> lexical, List<VectorIndex.Hit> semantic, VectorLang lang,
        double floor) {
      return lexical;
    }
  }

  /** The nearest passages above the floor only, scored by similarity (the eval's other baseline). */
  record SemanticOnly() implements Fusion {
    @Override
    public List<SearchHit> fuse(List<SearchHit> lexical, List<VectorIndex.Hit> semantic, VectorLang lang,
        double floor) {
      return semantic.stream().filter(h -> h.similarity() >= floor)
          .map(h -> new SearchHit(h.passage(), h.similarity(), 0)).toList();
    }
  }

  /**
   * Reciprocal rank fusion: each list adds {@code 1 / (k + rank)} for the passages in it, so a
   * passage both engines rank high comes first, whatever their scores' scales.
   */
  record ReciprocalRank(int k) implements Fusion {
    @Override
    public List<SearchHit> fuse(List<SearchHit> lexical, List<VectorIndex.Hit> semantic, VectorLang lang,
        double floor) {
      Map<Passage, Double> fused = new HashMap<>();
      for (int i = 0; i < lexical.size(); i++) {
        Passage passage = lexical.get(i).passage();
        fused.merge(passage, (otherLanguage(passage, lang) ? 2.0 : 1.0) / (k + i + 1), Double::sum);
      }
      Map<Passage, SearchHit> lexicalHits = byPassage(lexical);
      for (int i = 0; i < semantic.size(); i++) {
        VectorIndex.Hit hit = semantic.get(i);
        if (lexicalHits.containsKey(hit.passage()) || hit.similarity() >= floor) {
          fused.merge(hit.passage(), 1.0 / (k + i + 1), Double::sum);
        }
      }
      return ranked(fused, lexicalHits);
    }
  }

  /**
   * A weighted sum of the lexical score (as a share of the best one) and the similarity (as a share
   * of the way from the floor to 1), {@code lexicalWeight} and {@code 1 - lexicalWeight}; a passage
   * missing from a list gets 0 from it.
   */
  record Linear(double lexicalWeight) implements Fusion {
    @Override
    public List<SearchHit> fuse(List<SearchHit> lexical, List<VectorIndex.Hit> semantic, VectorLang lang,
        double floor) {
      Map<Passage, Double> fused = new HashMap<>();
      float best = lexical.stream().map(SearchHit::score).max(Float::compare).orElse(1f);
      for (SearchHit hit : lexical) {
        double share = hit.score() / best;
        fused.merge(hit.passage(), otherLanguage(hit.passage(), lang) ? share : lexicalWeight * share, Double::sum);
      }
      Map<Passage, SearchHit> lexicalHits = byPassage(lexical);
      for (VectorIndex.Hit hit : semantic) {
        if (lexicalHits.containsKey(hit.passage()) || hit.similarity() >= floor) {
          double above = Math.max(0, (hit.similarity() - floor) / (1 - floor));
          fused.merge(hit.passage(), (1 - lexicalWeight) * above, Double::sum);
        }
      }
      return ranked(fused, lexicalHits);
    }
  }

  private static boolean otherLanguage(Passage passage, VectorLang lang) {
    return VectorLang.ofArticle(passage.article().lang()) != lang;
  }

  private static Map<Passage, SearchHit> byPassage(List<SearchHit> hits) {
    Map<Passage, SearchHit> map = new LinkedHashMap<>();
    hits.forEach(h -> map.putIfAbsent(h.passage(), h));
    return map;
  }

  /** Best fused score first; equal scores in corpus order, so that answers do not change from run to run. */
  private static List<SearchHit> ranked(Map<Passage, Double> fused, Map<Passage, SearchHit> lexical) {
    List<Map.Entry<Passage, Double>> entries = new ArrayList<>(fused.entrySet());
    entries.sort(Map.Entry.<Passage, Double>comparingByValue(Comparator.reverseOrder())
        .thenComparingInt(e -> e.getKey().id()));
    return entries.stream().map(e -> new SearchHit(e.getKey(), e.getValue().floatValue(),
        lexical.containsKey(e.getKey()) ? lexical.get(e.getKey()).coverage() : 0)).toList();
  }
}
