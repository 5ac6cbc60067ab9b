package dev.kubeconbot.search;

/**
 * How many passages of one edition match a plan, and the best of them.
 *
 * @param count matching passages of the edition
 * @param best the best-scoring of them, or {@code null} when none match
 */
public record EditionMatches(int count, SearchHit best) {}
