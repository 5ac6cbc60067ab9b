package dev.kubeconbot.content;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The configuration files ({@code application.yaml}, {@code events.yaml}, {@code glossary.yaml},
 * {@code shortforms.yaml}) read as YAML trees, for a start-up that makes no Jackson
 * {@code ObjectMapper}: the first record a process deserializes costs about 0.2 s of CPU cold, and the
 * first mapper made, even only to read a tree, about 0.2 s more (its class initialisation alone
 * builds a date format, which lists every locale the JDK has). The tree is built from the YAML
 * parser's tokens, node for node as {@code YAMLMapper.readTree} builds it. Each reader takes its
 * file's usual shape from the tree (text where it wants text, whole numbers where it wants a number)
 * and otherwise reads the file as before, into its records ({@link #bind}), so that an unusual file
 * means what it always meant. Every method but {@link #read} and {@link #bind} returns empty for
 * "not the usual shape".
 */
public final class YamlTree {

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlTree() {}

  /**
   * The tree of the file's first document, as {@code YAMLMapper.readTree} reads it (a missing node
   * for an empty file; of duplicate keys, the last).
   *
   * @throws StreamReadException if it is not YAML
   */
  public static JsonNode read(byte[] yaml) throws IOException {
    try (JsonParser parser = YAML.createParser(yaml)) {
      JsonToken first = parser.nextToken();
      return first == null ? MissingNode.getInstance() : node(parser, first);
    }
  }

  /**
   * The file bound to {@code type} (unknown properties ignored), for a file not of the usual shape:
   * the mapper is made on first use only.
   */
  public static <T> T bind(byte[] yaml, Class<T> type) throws IOException {
    return Binding.MAPPER.readValue(yaml, type);
  }

  private static final class Binding {
    /**
     * Dates are the one java.time type the files have: its deserializer alone, not {@code JavaTimeModule},
     * which makes every java.time (de)serializer (75 classes).
     */
    static final ObjectMapper MAPPER = YAMLMapper.builder()
        .addModule(new SimpleModule().addDeserializer(LocalDate.class, LocalDateDeserializer.INSTANCE))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /** The node that starts at {@code token}, the parser left on its last token. */
  private static JsonNode node(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        for (JsonToken next = parser.nextToken(); next == JsonToken.FIELD_NAME; next = parser.nextToken()) {
          String name = parser.currentName();
          object.replace(name, node(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          array.add(node(parser, next));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
          ? NODES.numberNode(parser.getDecimalValue()) : NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      case VALUE_EMBEDDED_OBJECT -> parser.getEmbeddedObject() instanceof byte[] bytes
          ? NODES.binaryNode(bytes) : NODES.pojoNode(parser.getEmbeddedObject());
      default -> throw new JsonParseException(parser, "unexpected " + token + " in YAML");
    };
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
