package dev.kubeconbot.search;

import java.util.List;

/**
 * One thing a query asks about: a glossary topic with all its names, or a single word. A passage
 * matches the concept if it contains any of its variants.
 *
 * @param label how the concept is named back to the user
 * @param variants the texts searched for
 * @param topic the glossary topic, or {@code null} for a plain word
 */
public record Concept(String label, List<String> variants, Glossary.Topic topic) {
  public Concept {
    variants = List.copyOf(variants);
  }
}
