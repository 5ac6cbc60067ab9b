package dev.kubeconbot.search;

/** How a search matches the concepts of its {@link QueryPlan}. */
public enum Match {

  /**
   * Only passages that contain every concept in their text or under their heading; each hit's
   * coverage is 1. For topics, where every quote must be about what was asked.
   */
  ALL(new QueryGenerator.AllConcepts()),

  /**
   * Ranked retrieval for questions: every concept optional, but a passage needs a share of them that
   * grows with their number, and when none has that share, fewer (down to one). BM25 over passage
   * text, heading and title, with a bonus for question words that stand close together. Each hit
   * carries the share of the known concepts it contains, weighted by rarity.
   */
  RANKED(new QueryGenerator.Ranked());

  final QueryGenerator generator;

  Match(QueryGenerator generator) {
    this.generator = generator;
  }
}
