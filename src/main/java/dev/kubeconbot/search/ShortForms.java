package dev.kubeconbot.search;

import dev.kubeconbot.content.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short forms and informal spellings people type in chat ({@code config/shortforms.yaml}: "ppl",
 * "orgs", "infra", "couldnt"), and the full words articles write for them. A question is searched
 * as if written out in full, so that "how many ppl came" asks about people and "orgs" finds
 * organisations, in English and, through the lexicon, in Chinese. Query time only; immutable.
 */
public final class ShortForms {

  record File(Integer version, Map<String, String> entries) {}

  /**
   * A word in Latin script, with an apostrophe inside ("couldn't", "couldn’t"): short forms are
   * whole words, so "ppl" never rewrites "apple".
   */
  private static final Pattern WORD = Pattern.compile("[\\p{IsLatin}\\d]+(?:['’][\\p{IsLatin}]+)?");

  /** No short forms: every text is searched as written. */
  public static final ShortForms NONE = new ShortForms(Map.of());

  /** Full forms by short form, lower case, apostrophes as ASCII. */
  private final Map<String, String> full;

  public ShortForms(Map<String, String> entries) {
    Map<String, String> normalised = new LinkedHashMap<>();
    entries.forEach((shortForm, fullForm) -> normalised.put(normalise(shortForm), fullForm.strip()));
    this.full = Map.copyOf(normalised);
  }

  /**
   * Reads the short forms file.
   *
   * @throws IOException if it is not a YAML map with an {@code entries} map of non-empty full forms
   */
  public static ShortForms read(InputStream yaml) throws IOException {
    byte[] bytes = yaml.readAllBytes();
    Optional<Map<String, String>> usual = YamlTree.map(YamlTree.read(bytes).get("entries"),
        node -> YamlTree.text(node).filter(full -> !full.isBlank()));
    if (usual.isPresent()) {
      return new ShortForms(usual.get());
    }
    File file = YamlTree.bind(bytes, File.class);
    if (file == null || file.entries() == null) {
      throw new IOException("short forms need an 'entries' map");
    }
    for (Map.Entry<String, String> entry : file.entries().entrySet()) {
      if (entry.getValue() == null || entry.getValue().isBlank()) {
        throw new IOException("short form '" + entry.getKey() + "' has no full form");
      }
    }
    return new ShortForms(file.entries());
  }

  /** How many short forms there are. */
  public int size() {
    return full.size();
  }

  /** {@code text} with every short form written out ("ppl came" → "people came"); other text unchanged. */
  public String expand(String text) {
    if (full.isEmpty()) {
      return text;
    }
    Matcher word = WORD.matcher(text);
    StringBuilder expanded = new StringBuilder(text.length() + 16);
    while (word.find()) {
      String replacement = full.get(normalise(word.group()));
      word.appendReplacement(expanded, Matcher.quoteReplacement(replacement == null ? word.group() : replacement));
    }
    word.appendTail(expanded);
    return expanded.toString();
  }

  private static String normalise(String word) {
    return word.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
  }
}
