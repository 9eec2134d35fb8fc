package io.kinlink.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates rendered objects strictly: a field the schema does not have, a value of the wrong
 * type or a missing required field is an error. Kubernetes' own kinds by the API's model classes;
 * custom resources by the vendored CRDs' openAPIV3Schema, made strict (an object schema that lists
 * its properties and does not say it keeps unknown fields refuses others, as the API server's
 * field validation does). A kind with no schema here is an error too.
 */
final class StrictSchemas {

    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/Namespace", V1Namespace.class,
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Service", V1Service.class,
            "v1/ServiceAccount", V1ServiceAccount.class,
            "apps/v1/Deployment", V1Deployment.class,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", V1Ingress.class,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class);

    private static final JSON KUBERNETES_JSON = new JSON();

    private final Map<String, Schema> customResources = new HashMap<>();

    StrictSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        try (Stream<Path> files = Files.walk(Manifests.root().resolve("schemas"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                JsonNode crd = Manifests.YAML.readTree(Files.readString(file));
                String group = crd.path("spec").path("group").asString();
                String kind = crd.path("spec").path("names").path("kind").asString();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                    strict(schema);
                    customResources.put(group + "/" + version.path("name").asString() + "/" + kind,
                            registry.getSchema(schema));
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is wrong with the object; empty when it is valid. */
    List<String> violations(ObjectNode object) {
        String type = object.path("apiVersion").asString() + "/" + object.path("kind").asString();
        List<String> violations = new ArrayList<>();
        Class<?> model = MODELS.get(type);
        if (model != null) {
            try {
                // unknown and missing required fields
                Method validate = model.getMethod("validateJsonElement", JsonElement.class);
                validate.invoke(null, JsonParser.parseString(object.toString()));
                // values of the wrong type (the check above leaves numbers and booleans alone)
                KUBERNETES_JSON.deserialize(object.toString(), model);
            } catch (InvocationTargetException invalid) {
                violations.add(invalid.getCause().getMessage());
            } catch (JsonParseException wrongType) {
                violations.add(wrongType.getMessage());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            return violations;
        }
        Schema schema = customResources.get(type);
        if (schema == null) {
            return List.of("no schema for " + type + ": add its model or its CRD (schemas/SOURCES.md)");
        }
        for (Error error : schema.validate(object)) {
            violations.add(error.toString());
        }
        return violations;
    }

    /** Unknown fields refused wherever the schema lists the fields and does not keep unknown ones. */
    private static void strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        boolean keepsUnknown = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (node.has("properties") && !node.has("additionalProperties") && !keepsUnknown) {
            node.put("additionalProperties", false);
        }
        for (JsonNode child : node.values()) {
            if (child.isObject()) {
                strict(child);
            } else if (child.isArray()) {
                child.forEach(StrictSchemas::strict);
            }
        }
    }
}
