package dev.kubeconbot.search;

/** How strictly a search matches the concepts of its {@link QueryPlan}. */
public enum Match {

  /** Only passages that contain every concept; each hit's coverage is 1. */
  ALL(new QueryGenerator.AllConcepts()),

  /**
   * Passages that contain any concept, ranked by BM25; each hit carries the share of the concepts
   * it contains, weighted by rarity, for the caller to set its own bar.
   */
  ANY(new QueryGenerator.AnyConcept());

  final QueryGenerator generator;

  Match(QueryGenerator generator) {
    this.generator = generator;
  }
}
