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

  /** The concept of a glossary topic: all its names, labelled as in menus. */
  public static Concept of(Glossary.Topic topic) {
    return new Concept(topic.label(), topic.names(), topic);
  }

  /** A plain word, searched as written. */
  public static Concept word(String word) {
    return new Concept(word, List.of(word), null);
  }
}
