package dev.kubeconbot.search;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final ObjectMapper YAML =
      YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final List<Topic> topics;
  private final Pattern names;
  private final java.util.Map<String, Topic> byName = new java.util.HashMap<>();

  public Glossary(List<Topic> topics) {
    this.topics = List.copyOf(topics);
    for (Topic topic : this.topics) {
      topic.names().forEach(n -> byName.putIfAbsent(n.toLowerCase(Locale.ROOT), topic));
    }
    String alternation = byName.keySet().stream()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .map(Glossary::namePattern)
        .collect(Collectors.joining("|"));
    this.names = Pattern.compile(alternation.isEmpty() ? "(?!x)x" : "(?iu)" + alternation);
  }

  public static Glossary read(InputStream yaml) throws IOException {
    File file = YAML.readValue(yaml, File.class);
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

  public List<Topic> topics() {
    return topics;
  }

  /** The topic one of whose names is exactly {@code text} (ignoring case). */
  public Optional<Topic> topic(String text) {
    return Optional.ofNullable(byName.get(text.strip().toLowerCase(Locale.ROOT)));
  }

  /** Topics named in {@code text}, left to right, the longest name winning where names overlap. */
  public List<Mention> mentions(String text) {
    List<Mention> mentions = new ArrayList<>();
    Matcher matcher = names.matcher(text);
    while (matcher.find()) {
      mentions.add(new Mention(byName.get(matcher.group().toLowerCase(Locale.ROOT)), matcher.start(), matcher.end()));
    }
    return mentions;
  }

  /** Latin names must stand alone ("ai" is not in "maintain"); Chinese names match anywhere. */
  private static String namePattern(String name) {
    String quoted = Pattern.quote(name);
    return name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN)
        ? "(?<![\\p{IsLatin}\\d])" + quoted + "(?![\\p{IsLatin}\\d])"
        : quoted;
  }
}
