package dev.kubeconbot.search;

/**
 * An indexed word and how many passages contain it in a selection of editions and in a baseline.
 *
 * @param term the word as indexed (lower case; English stemmed)
 * @param selected passages of the selected editions that contain it
 * @param baseline passages of the baseline editions that contain it
 */
public record WordCount(String term, int selected, int baseline) {}
