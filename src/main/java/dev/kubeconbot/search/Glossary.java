package dev.kubeconbot.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeconbot.content.Scripts;
import dev.kubeconbot.content.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * KubeCon and CNCF topics with their English and Chinese names ({@code config/glossary.yaml}). Used at
 * query time only: a topic named in a question is searched under all its names, so "wasm" finds
 * "WebAssembly" and "observability" finds "可观测性". Also the source of autocomplete choices.
 */
public final class Glossary {

  /** A topic: its display name, Chinese name and other aliases. */
  public record Topic(String name, String zh, List<String> aliases) {
    public Topic {
      aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** Every name of the topic, display name first. */
    public List<String> names() {
      Set<String> names = new LinkedHashSet<>();
      names.add(name);
      if (zh != null) {
        names.add(zh);
      }
      names.addAll(aliases);
      return List.copyOf(names);
    }

    /** "WebAssembly · 网络汇编" style label for menus. */
    public String label() {
      return zh == null || zh.equalsIgnoreCase(name) ? name : name + " · " + zh;
    }
  }

  /** A topic named in a text at [start, end). */
  public record Mention(Topic topic, int start, int end) {}

  record File(List<Topic> topics) {}


  /** A name as searched for: lower-cased, and whether it must stand alone as a Latin word. */
  private record Name(String lower, boolean latin, Topic topic) {}

  private final List<Topic> topics;
  private final Map<String, Topic> byName = new HashMap<>();
  /** Names by their first character, longest first, so that at one position the longest name wins. */
  private final Map<Character, List<Name>> namesByFirst;

  public Glossary(List<Topic> topics) {
    this.topics = List.copyOf(topics);
    for (Topic topic : this.topics) {
      topic.names().forEach(n -> byName.putIfAbsent(n.toLowerCase(Locale.ROOT), topic));
    }
    this.namesByFirst = byName.entrySet().stream()
        .map(e -> new Name(lower(e.getKey()), isLatin(e.getKey()), e.getValue()))
        .sorted(Comparator.comparingInt((Name n) -> n.lower().length()).reversed())
        .collect(Collectors.groupingBy(n -> n.lower().charAt(0)));
  }

  public static Glossary read(InputStream yaml) throws IOException {
    byte[] bytes = yaml.readAllBytes();
    Optional<List<Topic>> usual = YamlTree.list(YamlTree.read(bytes).get("topics"), Glossary::topic)
        .filter(topics -> topics.stream().noneMatch(topic -> topic.name().isBlank()));
    if (usual.isPresent()) {
      return new Glossary(usual.get());
    }
    File file = YamlTree.bind(bytes, File.class);
    if (file == null || file.topics() == null) {
      throw new IOException("glossary needs a 'topics' list");
    }
    for (Topic topic : file.topics()) {
      if (topic.name() == null || topic.name().isBlank()) {
        throw new IOException("every glossary topic needs a 'name'");
      }
    }
    return new Glossary(file.topics());
  }

  /** A topic of the usual shape (see {@link YamlTree}): a name, perhaps a Chinese name and aliases. */
  private static Optional<Topic> topic(JsonNode node) {
    Optional<String> name = YamlTree.text(node.get("name"));
    JsonNode zh = node.get("zh");
    JsonNode aliases = node.get("aliases");
    Optional<String> chinese = zh == null ? Optional.of("") : YamlTree.text(zh);
    Optional<List<String>> others = aliases == null ? Optional.of(List.of()) : YamlTree.texts(aliases);
    if (name.isEmpty() || chinese.isEmpty() || others.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Topic(name.get(), zh == null ? null : chinese.get(), others.get()));
  }

  public List<Topic> topics() {
    return topics;
  }

  /** The topic one of whose names is exactly {@code text} (ignoring case). */
  public Optional<Topic> topic(String text) {
    return Optional.ofNullable(byName.get(text.strip().toLowerCase(Locale.ROOT)));
  }

  /**
   * The topic {@code word} is most likely a misspelling of: one of whose Latin names is within a
   * quarter of its length in edits ("opentelemtry" → OpenTelemetry), for words of five letters or more.
   */
  public Optional<Topic> misspelled(String word) {
    String lower = word.strip().toLowerCase(Locale.ROOT);
    if (lower.length() < 5 || !isLatin(lower)) {
      return Optional.empty();
    }
    Topic best = null;
    int bestDistance = lower.length() / 4 + 1;
    for (Map.Entry<String, Topic> name : byName.entrySet()) {
      if (Math.abs(name.getKey().length() - lower.length()) >= bestDistance) {
        continue; // the distance is at least the difference in length
      }
      int distance = editDistance(name.getKey(), lower);
      if (distance < bestDistance) {
        best = name.getValue();
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The Levenshtein distance of {@code a} and {@code b}. */
  public static int editDistance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length()];
  }

  /** Topics named in {@code text}, left to right, the longest name winning where names overlap. */
  public List<Mention> mentions(String text) {
    String lower = lower(text);
    List<Mention> mentions = new ArrayList<>();
    int at = 0;
    while (at < lower.length()) {
      Name name = longestAt(lower, at);
      if (name == null) {
        at++;
      } else {
        mentions.add(new Mention(name.topic(), at, at + name.lower().length()));
        at += name.lower().length();
      }
    }
    return mentions;
  }

  private Name longestAt(String lower, int at) {
    for (Name name : namesByFirst.getOrDefault(lower.charAt(at), List.of())) {
      int end = at + name.lower().length();
      if (lower.startsWith(name.lower(), at) && (!name.latin() || standsAlone(lower, at, end))) {
        return name;
      }
    }
    return null;
  }

  /** Latin names must stand alone ("ai" is not in "maintain"); Chinese names match anywhere. */
  private static boolean standsAlone(String text, int start, int end) {
    return (start == 0 || !isLatinOrDigit(text.codePointBefore(start)))
        && (end == text.length() || !isLatinOrDigit(text.codePointAt(end)));
  }

  private static boolean isLatinOrDigit(int c) {
    return Character.isDigit(c) || Scripts.isLatin(c);
  }

  private static boolean isLatin(String name) {
    return name.codePoints().anyMatch(Scripts::isLatin);
  }

  /** Lower case char by char, so positions in the result are positions in the text. */
  private static String lower(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }
}
