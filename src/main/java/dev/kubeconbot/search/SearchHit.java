package dev.kubeconbot.search;

import dev.kubeconbot.content.Passage;

/**
 * A passage that matched a query.
 *
 * @param passage the passage
 * @param score its BM25 relevance (only comparable within one query)
 * @param coverage the share of the query's concepts, weighted by rarity, that the passage contains (0–1)
 */
public record SearchHit(Passage passage, float score, double coverage) {}
