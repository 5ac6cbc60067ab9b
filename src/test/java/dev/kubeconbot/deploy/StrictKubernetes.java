package dev.kubeconbot.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.Map;

/**
 * Parses manifests with the Kubernetes API model (fabric8), failing on any field the API does not
 * have. The model keeps unknown fields in an "additional properties" map instead of failing; here
 * that map is switched off, so a typo such as {@code readinesProbe} is an error, as the API server's
 * strict field validation would make it.
 */
final class StrictKubernetes {

  private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
      "v1/ConfigMap", ConfigMap.class,
      "v1/Secret", Secret.class,
      "v1/Service", Service.class,
      "apps/v1/Deployment", Deployment.class,
      "apps/v1/StatefulSet", StatefulSet.class,
      "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
      "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class);

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
        @Override
        public Boolean hasAnySetter(Annotated member) {
          return false;
        }
      })
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private StrictKubernetes() {}

  /** {@code manifest} as the model class of its apiVersion and kind. */
  static HasMetadata parse(JsonNode manifest) {
    String type = manifest.path("apiVersion").asText() + "/" + manifest.path("kind").asText();
    Class<? extends HasMetadata> model = KINDS.get(type);
    if (model == null) {
      throw new IllegalArgumentException("no model for " + type + " (known: " + KINDS.keySet() + ")");
    }
    try {
      return MAPPER.treeToValue(manifest, model);
    } catch (Exception e) {
      throw new IllegalArgumentException(type + " " + manifest.at("/metadata/name").asText() + ": " + e.getMessage(), e);
    }
  }
}
