package dev.kubeconbot.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The small configuration files ({@code events.yaml}, {@code glossary.yaml}, {@code shortforms.yaml})
 * read as YAML trees, for a start-up that need not build Jackson's record deserializers: the first
 * record a process deserializes costs about 0.2 s of CPU cold, a tree of the same file 0.03 s. Each
 * reader takes its file's usual shape from the tree (text where it wants text, whole numbers where it
 * wants a number) and otherwise reads the file as before, into its records, so that an unusual file
 * means what it always meant. Every method returns empty for "not the usual shape".
 */
public final class YamlTree {

  private static final ObjectMapper YAML = new YAMLMapper();

  private YamlTree() {}

  /** The file's tree (a missing node for an empty file). */
  public static JsonNode read(byte[] yaml) throws IOException {
    return YAML.readTree(yaml);
  }

  /** The text of a YAML string (not a number, boolean or null, whose text databinding may render differently). */
  public static Optional<String> text(JsonNode node) {
    return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
  }

  /** A list of strings. */
  public static Optional<List<String>> texts(JsonNode node) {
    return list(node, YamlTree::text);
  }

  /** A list, each item read by {@code item}. */
  public static <T> Optional<List<T>> list(JsonNode node, Function<JsonNode, Optional<T>> item) {
    if (node == null || !node.isArray()) {
      return Optional.empty();
    }
    List<T> items = new ArrayList<>(node.size());
    for (JsonNode element : node) {
      Optional<T> read = item.apply(element);
      if (read.isEmpty()) {
        return Optional.empty();
      }
      items.add(read.get());
    }
    return Optional.of(items);
  }

  /** A mapping in file order, each value read by {@code value}. */
  public static <T> Optional<Map<String, T>> map(JsonNode node, Function<JsonNode, Optional<T>> value) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    Map<String, T> entries = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      Optional<T> read = value.apply(entry.getValue());
      if (read.isEmpty()) {
        return Optional.empty();
      }
      entries.put(entry.getKey(), read.get());
    }
    return Optional.of(entries);
  }
}
