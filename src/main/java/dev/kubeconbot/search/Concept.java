package dev.kubeconbot.search;

import java.util.List;

/**
 * One thing a query asks about: a glossary topic with all its names, or a word of the question with
 * its translations. A passage matches the concept if it contains any of its variants or
 * translations; a match on a translation weighs less than one on the user's own words.
 *
 * @param label how the concept is named back to the user
 * @param variants the texts searched for as the user means them (a topic's names, the word as written)
 * @param translations the word in the other language, from the lexicon; may be empty
 * @param topic the glossary topic, or {@code null} for a plain word
 * @param weight how much a match counts: 1 for what the user wrote, less for a guess at what they meant
 */
public record Concept(String label, List<String> variants, List<String> translations, Glossary.Topic topic, float weight) {

  /** A word corrected from a typo may not be what the user meant: it weighs like a translation. */
  static final float CORRECTED_WEIGHT = 0.5f;

  public Concept {
    variants = List.copyOf(variants);
    translations = List.copyOf(translations);
  }

  /** The concept of a glossary topic: all its names, labelled as in menus. */
  public static Concept of(Glossary.Topic topic) {
    return new Concept(topic.label(), topic.names(), List.of(), topic, 1f);
  }

  /** A word the passages use in place of a mistyped one, with its translations; weighs less than the user's own words. */
  static Concept corrected(String word, List<String> translations) {
    return new Concept(word, List.of(word), translations, null, CORRECTED_WEIGHT);
  }

  /** A plain word, searched as written (and in its other English spelling, "organise" ↔ "organize"). */
  public static Concept word(String word) {
    return new Concept(word, Spellings.of(word), List.of(), null, 1f);
  }

  /** A word as written (and in its other English spelling) and its translations into the other language. */
  public static Concept translated(String word, List<String> translations) {
    return new Concept(word, Spellings.of(word), translations, null, 1f);
  }
}
