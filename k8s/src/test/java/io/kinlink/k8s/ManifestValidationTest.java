package io.kinlink.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.node.ObjectNode;

/** Every overlay renders, and every object in it is what the API server and the operators accept. */
class ManifestValidationTest {

    private static final StrictSchemas SCHEMAS = new StrictSchemas();

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void every_object_of_the_overlay_validates_strictly(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        Set<String> kinds = new TreeSet<>();
        List<String> violations = new ArrayList<>();
        for (ObjectNode object : objects) {
            kinds.add(object.path("kind").asString());
            SCHEMAS.violations(object).forEach(violation -> violations.add(Manifests.name(object) + ": " + violation));
        }
        assertEquals(List.of(), violations);
        assertTrue(kinds.containsAll(Set.of("Deployment", "Service", "ConfigMap", "ServiceAccount", "NetworkPolicy",
                "Kafka", "KafkaNodePool", "KafkaTopic", "Cluster", "Ingress", "Namespace")), kinds.toString());
    }

    @Test
    void a_field_the_schema_does_not_have_or_a_value_of_the_wrong_type_fails() {
        List<ObjectNode> objects = Manifests.render("production");
        ObjectNode deployment = Manifests.ofKind(objects, "Deployment").get(0).deepCopy();
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
                .put("imagePullPolicyy", "Always");
        assertFalse(SCHEMAS.violations(deployment).isEmpty(), "an unknown container field is refused");

        ObjectNode replicas = Manifests.ofKind(objects, "Deployment").get(0).deepCopy();
        ((ObjectNode) replicas.path("spec")).put("replicas", "two");
        assertFalse(SCHEMAS.violations(replicas).isEmpty(), "replicas must be a number");

        ObjectNode kafka = Manifests.ofKind(objects, "Kafka").get(0).deepCopy();
        ((ObjectNode) kafka.path("spec").path("kafka")).put("replicass", 3);
        assertFalse(SCHEMAS.violations(kafka).isEmpty(), "an unknown Kafka field is refused");

        ObjectNode cluster = Manifests.ofKind(objects, "Cluster").get(0).deepCopy();
        ((ObjectNode) cluster.path("spec")).remove("instances");
        ((ObjectNode) cluster.path("spec")).put("instances", "three");
        assertFalse(SCHEMAS.violations(cluster).isEmpty(), "instances must be a number");

        ObjectNode topic = Manifests.ofKind(objects, "KafkaTopic").get(0).deepCopy();
        ((ObjectNode) topic.path("spec")).remove("partitions");
        ((ObjectNode) topic.path("spec")).put("partitionz", 12);
        assertFalse(SCHEMAS.violations(topic).isEmpty(), "a misspelt topic field is refused");

        ObjectNode unknown = Manifests.ofKind(objects, "Service").get(0).deepCopy();
        unknown.put("apiVersion", "example.com/v1");
        assertFalse(SCHEMAS.violations(unknown).isEmpty(), "a kind without a schema is refused");
    }
}
