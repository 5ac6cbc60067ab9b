package dev.kubeconbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeconbot.config.ConfigLoader;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/kubernetes: every file and every overlay (alone and with the optional components) parsed
 * strictly with the Kubernetes API model, plus what an operator relies on: the articles mounted
 * from a ConfigMap, a disruption budget, a preStop pause, the recommended labels.
 */
class KubernetesManifestsTest {

  private static final Path KUBERNETES = Path.of("deploy/kubernetes");
  private static final Path CONTENT = Path.of("content");
  private static final Set<String> RECOMMENDED_LABELS = Set.of("app.kubernetes.io/name", "app.kubernetes.io/instance",
      "app.kubernetes.io/version", "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by");

  /** The rendered objects of {@code dir}, each parsed strictly. */
  private static List<HasMetadata> parsed(Path dir) {
    return Kustomize.render(dir).stream().map(StrictKubernetes::parse).toList();
  }

  private static <T> List<T> all(List<HasMetadata> objects, Class<T> kind) {
    return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  private static <T> T one(List<HasMetadata> objects, Class<T> kind) {
    assertThat(all(objects, kind)).as(kind.getSimpleName()).hasSize(1);
    return all(objects, kind).getFirst();
  }

  private static PodTemplateSpec pod(List<HasMetadata> objects) {
    List<PodTemplateSpec> templates = new ArrayList<>();
    all(objects, Deployment.class).forEach(d -> templates.add(d.getSpec().getTemplate()));
    all(objects, StatefulSet.class).forEach(s -> templates.add(s.getSpec().getTemplate()));
    assertThat(templates).as("workloads").hasSize(1);
    return templates.getFirst();
  }

  private static Container bot(PodTemplateSpec pod) {
    return pod.getSpec().getContainers().stream().filter(c -> c.getName().equals("bot")).findFirst().orElseThrow();
  }

  private static Map<String, String> settings(List<HasMetadata> objects) {
    return all(objects, ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals("kubecon-bot-config"))
        .findFirst().orElseThrow().getData();
  }

  @Test
  void everyFileParsesStrictly() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(KUBERNETES)) {
      files = walk.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(9);
    for (Path file : files) {
      for (ObjectNode document : Kustomize.documents(file)) {
        assertThat(StrictKubernetes.parse(document)).as(file.toString()).isNotNull();
      }
    }
    assertThat(KUBERNETES.resolve("validate.py")).doesNotExist();
  }

  @Test
  void aMisspelledFieldFails() {
    ObjectNode deployment = Kustomize.documents(KUBERNETES.resolve("components/pod/pod.yaml")).getFirst();
    ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
    container.set("readinesProbe", container.remove("readinessProbe"));
    assertThatThrownBy(() -> StrictKubernetes.parse(deployment)).hasMessageContaining("readinesProbe");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bot", "sharded"})
  void eachOverlayRendersWhatOperatorsExpect(String overlay) throws IOException {
    List<HasMetadata> objects = parsed(KUBERNETES.resolve("overlays/" + overlay));
    assertThat(objects).extracting(o -> o.getKind() + "/" + o.getMetadata().getName()).doesNotHaveDuplicates()
        .contains("ConfigMap/kubecon-bot-config", "ConfigMap/kubecon-bot-content", "Service/kubecon-bot",
            "PodDisruptionBudget/kubecon-bot");
    for (HasMetadata object : objects) {
      assertThat(object.getMetadata().getLabels()).as(object.getKind()).containsKeys(RECOMMENDED_LABELS.toArray(String[]::new))
          .containsEntry("app.kubernetes.io/name", "kubecon-bot");
    }
    PodTemplateSpec pod = pod(objects);
    Map<String, String> podLabels = pod.getMetadata().getLabels();
    assertThat(podLabels).containsKeys(RECOMMENDED_LABELS.toArray(String[]::new));
    Service service = all(objects, Service.class).stream()
        .filter(s -> s.getMetadata().getName().equals("kubecon-bot")).findFirst().orElseThrow();
    assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(podLabels).containsAllEntriesOf(one(objects, PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels());

    // The articles come from the generated ConfigMap: every article of content/, mounted where CONTENT_DIRS points.
    Map<String, String> settings = settings(objects);
    assertThat(settings.keySet()).isSubsetOf(ConfigLoader.SETTINGS.stream().map(ConfigLoader.Setting::env).toList());
    Volume content = pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals("content")).findFirst().orElseThrow();
    assertThat(content.getConfigMap().getName()).isEqualTo("kubecon-bot-content");
    assertThat(bot(pod).getVolumeMounts()).anySatisfy(mount -> {
      assertThat(mount.getName()).isEqualTo("content");
      assertThat(mount.getMountPath()).isEqualTo(settings.get("CONTENT_DIRS"));
    });
    assertThat(all(objects, ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals("kubecon-bot-content"))
        .findFirst().orElseThrow().getData()).isEqualTo(articles());

    // SIGTERM comes after the endpoint left the Service, and the shutdown grace ends before the kill.
    long preStop = bot(pod).getLifecycle().getPreStop().getSleep().getSeconds();
    assertThat(preStop).isPositive();
    long grace = Duration.parse("PT" + settings.get("SHUTDOWN_GRACE").toUpperCase()).toSeconds();
    assertThat(pod.getSpec().getTerminationGracePeriodSeconds()).isGreaterThan(preStop + grace);
    assertThat(bot(pod).getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(bot(pod).getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(bot(pod).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(bot(pod).getVolumeMounts()).extracting(m -> m.getMountPath()).contains(settings.get("INDEX_DIR"), "/tmp");

    if (overlay.equals("sharded")) {
      StatefulSet shards = one(objects, StatefulSet.class);
      assertThat(env(bot(pod), "SHARD_TOTAL")).isEqualTo(String.valueOf(shards.getSpec().getReplicas()));
    } else {
      assertThat(one(objects, Deployment.class).getSpec().getReplicas()).isEqualTo(1);
      assertThat(one(objects, Deployment.class).getSpec().getStrategy().getType()).isEqualTo("Recreate");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bot", "sharded"})
  void theOptionalComponentsApplyToEachOverlay(String overlay, @TempDir Path dir) throws IOException {
    Path withAll = withComponents(dir, overlay, "git-sync", "service-monitor");
    List<HasMetadata> objects = parsed(withAll);
    PodTemplateSpec pod = pod(objects);
    Volume content = pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals("content")).findFirst().orElseThrow();
    assertThat(content.getConfigMap()).isNull();
    assertThat(content.getEmptyDir()).isNotNull();
    assertThat(pod.getSpec().getInitContainers()).singleElement().satisfies(sidecar -> {
      assertThat(sidecar.getName()).isEqualTo("git-sync");
      assertThat(sidecar.getRestartPolicy()).isEqualTo("Always");
      assertThat(sidecar.getImage()).startsWith("registry.k8s.io/git-sync/git-sync:v4.");
      assertThat(sidecar.getVolumeMounts()).extracting(m -> m.getMountPath()).contains(settings(objects).get("CONTENT_DIRS"));
    });
    ServiceMonitor monitor = one(objects, ServiceMonitor.class);
    List<Service> scraped = all(objects, Service.class).stream().filter(service -> service.getMetadata().getLabels()
        .entrySet().containsAll(monitor.getSpec().getSelector().getMatchLabels().entrySet())).toList();
    assertThat(scraped).extracting(s -> s.getMetadata().getName()).containsExactly("kubecon-bot");
    assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
      assertThat(endpoint.getPort()).isEqualTo("http");
      assertThat(endpoint.getPath()).isEqualTo("/metrics");
    });
  }

  /** Where kubectl is installed, its own Kustomize renders every variant as this test does, and as strictly valid. */
  @ParameterizedTest
  @ValueSource(strings = {"bot", "sharded"})
  void kubectlRendersTheSame(String overlay, @TempDir Path dir) throws Exception {
    Optional<Path> kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .map(p -> Path.of(p, "kubectl")).filter(Files::isExecutable).findFirst();
    Assumptions.assumeTrue(kubectl.isPresent(), "kubectl is not installed");
    for (Path variant : List.of(KUBERNETES.resolve("overlays/" + overlay), withComponents(dir, overlay, "git-sync", "service-monitor"))) {
      Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", variant.toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("kubectl kustomize " + variant).isZero();
      List<JsonNode> byKubectl = new ArrayList<>();
      Kustomize.YAML.readValues(Kustomize.YAML.createParser(rendered), JsonNode.class).forEachRemaining(byKubectl::add);
      byKubectl.forEach(StrictKubernetes::parse);
      assertThat(canonical(byKubectl)).as(variant.toString()).isEqualTo(canonical(List.copyOf(Kustomize.render(variant))));
    }
  }

  @Test
  void theDockerfileNamesItsImagesFullyAndCarriesOciLabelsOfTheSameVersion() throws IOException {
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    List<String> from = dockerfile.lines().filter(line -> line.startsWith("FROM ")).toList();
    assertThat(from).hasSize(2).allSatisfy(line -> assertThat(line).matches("FROM docker\\.io/library/\\S+:\\S+( AS \\w+)?"));
    Matcher pom = Pattern.compile("<artifactId>kubecon-bot</artifactId>\\s*<version>([^<-]+)")
        .matcher(Files.readString(Path.of("pom.xml")));
    assertThat(pom.find()).isTrue();
    String version = pom.group(1);
    assertThat(dockerfile).contains("org.opencontainers.image.title=\"kubecon-bot\"", "org.opencontainers.image.description=",
        "org.opencontainers.image.version=\"" + version + "\"");
    for (String overlay : List.of("bot", "sharded")) {
      PodTemplateSpec pod = pod(parsed(KUBERNETES.resolve("overlays/" + overlay)));
      assertThat(bot(pod).getImage()).isEqualTo("kubecon-bot:" + version);
      assertThat(pod.getMetadata().getLabels()).containsEntry("app.kubernetes.io/version", version);
    }
  }

  /** A kustomization in {@code dir} with {@code overlay} and the named components. */
  private static Path withComponents(Path dir, String overlay, String... components) throws IOException {
    Path base = dir.toAbsolutePath().relativize(KUBERNETES.toAbsolutePath());
    String list = Stream.of(components).map(c -> "  - " + base.resolve("components/" + c) + "\n").collect(Collectors.joining());
    Files.writeString(dir.resolve("kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
        + "resources:\n  - " + base.resolve("overlays/" + overlay) + "\ncomponents:\n" + list);
    return dir;
  }

  /** Objects with lists of named items sorted by name: the order Kustomize merges them in does not matter. */
  private static Set<JsonNode> canonical(List<? extends JsonNode> objects) {
    return objects.stream().map(o -> sorted(o.deepCopy())).collect(Collectors.toSet());
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      node.properties().forEach(field -> ((ObjectNode) node).set(field.getKey(), sorted(field.getValue())));
    } else if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.forEach(item -> items.add(sorted(item)));
      if (items.stream().allMatch(item -> item.has("name"))) {
        items.sort(Comparator.comparing(item -> item.path("name").asText()));
      }
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      items.forEach(array::add);
      return array;
    }
    return node;
  }

  private static String env(Container container, String name) {
    return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst().orElseThrow();
  }

  /** Every article of content/, by file name: what the content ConfigMap must hold. */
  private static Map<String, String> articles() throws IOException {
    try (Stream<Path> files = Files.list(CONTENT)) {
      Map<String, String> articles = new java.util.TreeMap<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        articles.put(file.getFileName().toString(), Files.readString(file));
      }
      return articles;
    }
  }
}
