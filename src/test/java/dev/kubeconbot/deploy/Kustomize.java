package dev.kubeconbot.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization as {@code kubectl apply -k} does, for the parts deploy/kubernetes uses —
 * resources (files and folders), components, strategic-merge patches chosen by a target, labels and
 * a ConfigMap generator without a name hash — so that the test suite checks the rendered objects
 * with only a JDK. Anything else in a kustomization fails the render, so that a kustomization this
 * cannot follow is never half-checked. Where kubectl is installed, the test checks kubectl's own
 * rendering too.
 */
final class Kustomize {

  static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> KNOWN_KEYS =
      Set.of("apiVersion", "kind", "resources", "components", "patches", "labels", "configMapGenerator", "generatorOptions");
  /** The lists of the Kubernetes API whose items a strategic merge patch merges by name. */
  private static final Set<String> MERGED_BY_NAME =
      Set.of("containers", "initContainers", "env", "volumes", "volumeMounts", "ports", "envFrom");

  private Kustomize() {}

  /** The objects the kustomization in {@code dir} renders, in no particular order. */
  static List<ObjectNode> render(Path dir) {
    return build(dir, "Kustomization", List.of());
  }

  /** Every YAML document of {@code file}, as parsed. */
  static List<ObjectNode> documents(Path file) {
    try (var parser = YAML.createParser(file.toFile())) {
      List<ObjectNode> documents = new ArrayList<>();
      for (Iterator<ObjectNode> it = YAML.readValues(parser, ObjectNode.class); it.hasNext(); ) {
        documents.add(it.next());
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code inherited} plus what the kustomization (or component) in {@code dir} adds, then its
   * components, patches and labels over all of them: a component changes what its includer has so
   * far, a base only its own objects.
   */
  private static List<ObjectNode> build(Path dir, String kind, List<ObjectNode> inherited) {
    ObjectNode k = documents(dir.resolve("kustomization.yaml")).getFirst();
    k.fieldNames().forEachRemaining(key -> {
      if (!KNOWN_KEYS.contains(key)) {
        throw new IllegalArgumentException(dir + "/kustomization.yaml: '" + key + "' is not rendered by this test");
      }
    });
    if (!k.path("kind").asText().equals(kind)) {
      throw new IllegalArgumentException(dir + "/kustomization.yaml: kind " + k.path("kind") + ", expected " + kind);
    }
    List<ObjectNode> objects = new ArrayList<>(inherited);
    for (JsonNode resource : k.path("resources")) {
      Path path = dir.resolve(resource.asText()).normalize();
      objects.addAll(Files.isDirectory(path) ? render(path) : documents(path));
    }
    for (JsonNode generator : k.path("configMapGenerator")) {
      objects.add(configMap(dir, generator, k.path("generatorOptions")));
    }
    for (JsonNode component : k.path("components")) {
      objects = build(dir.resolve(component.asText()).normalize(), "Component", objects);
    }
    for (JsonNode patch : k.path("patches")) {
      ObjectNode content = documents(dir.resolve(patch.path("path").asText())).getFirst();
      if (content.path("metadata").size() > 1) {
        throw new IllegalArgumentException(dir + ": patch metadata other than the name is not rendered by this test");
      }
      JsonNode target = patch.path("target");
      List<ObjectNode> targets = objects.stream().filter(o -> matches(o, target, content)).toList();
      if (targets.isEmpty()) {
        throw new IllegalArgumentException(dir + ": patch " + patch.path("path").asText() + " matches nothing");
      }
      for (ObjectNode object : targets) {
        merge(object, content.deepCopy().without(List.of("apiVersion", "kind", "metadata")));
      }
    }
    for (JsonNode labels : k.path("labels")) {
      ObjectNode pairs = (ObjectNode) labels.path("pairs");
      for (ObjectNode object : objects) {
        object.withObjectProperty("metadata").withObjectProperty("labels").setAll(pairs);
        if (labels.path("includeTemplates").asBoolean() && object.path("spec").has("template")) {
          object.withObjectProperty("spec").withObjectProperty("template").withObjectProperty("metadata")
              .withObjectProperty("labels").setAll(pairs);
        }
      }
    }
    return objects;
  }

  /** Without a target, a patch applies to the object of its own kind and name; with one, to what it selects. */
  private static boolean matches(ObjectNode object, JsonNode target, ObjectNode patch) {
    if (target.isMissingNode()) {
      return object.path("kind").equals(patch.path("kind"))
          && object.at("/metadata/name").equals(patch.at("/metadata/name"));
    }
    if (target.has("group") && !object.path("apiVersion").asText().startsWith(target.path("group").asText() + "/")) {
      return false;
    }
    if (target.has("kind") && !object.path("kind").equals(target.path("kind"))) {
      return false;
    }
    for (String pair : target.path("labelSelector").asText("").split(",")) {
      if (!pair.isBlank()) {
        String[] keyValue = pair.split("=", 2);
        if (!object.at("/metadata/labels").path(keyValue[0].strip()).asText().equals(keyValue[1].strip())) {
          return false;
        }
      }
    }
    return true;
  }

  /** A strategic merge: maps merge, null deletes, the lists of {@link #MERGED_BY_NAME} merge by item name. */
  private static void merge(ObjectNode into, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      JsonNode existing = into.get(key);
      if (value.isNull()) {
        into.remove(key);
      } else if (value.isObject() && existing != null && existing.isObject()) {
        merge((ObjectNode) existing, (ObjectNode) value);
      } else if (value.isArray() && existing != null && existing.isArray() && MERGED_BY_NAME.contains(key)) {
        mergeByName((ArrayNode) existing, (ArrayNode) value);
      } else {
        into.set(key, value.deepCopy());
      }
    }
  }

  private static void mergeByName(ArrayNode into, ArrayNode patch) {
    for (JsonNode item : patch) {
      ObjectNode same = null;
      for (JsonNode existing : into) {
        if (existing.has("name") && existing.path("name").equals(item.path("name"))) {
          same = (ObjectNode) existing;
        }
      }
      if (same == null) {
        into.add(item.deepCopy());
      } else {
        merge(same, (ObjectNode) item);
      }
    }
  }

  private static ObjectNode configMap(Path dir, JsonNode generator, JsonNode options) {
    if (!options.path("disableNameSuffixHash").asBoolean()) {
      throw new IllegalArgumentException(dir + ": a generated name with a hash suffix is not rendered by this test");
    }
    ObjectNode map = JsonNodeFactory.instance.objectNode();
    map.put("apiVersion", "v1").put("kind", "ConfigMap");
    ObjectNode metadata = map.putObject("metadata").put("name", generator.path("name").asText());
    if (options.has("labels")) {
      metadata.set("labels", options.get("labels").deepCopy());
    }
    ObjectNode data = map.putObject("data");
    for (JsonNode file : generator.path("files")) {
      Path path = dir.resolve(file.asText());
      try {
        data.put(path.getFileName().toString(), Files.readString(path));
      } catch (IOException e) {
        throw new UncheckedIOException(dir + ": configMapGenerator file " + file.asText(), e);
      }
    }
    return map;
  }
}
