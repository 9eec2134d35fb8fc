package io.kinlink.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The objects an overlay renders to, as {@code kubectl kustomize} makes them. */
final class Manifests {

    static final YAMLMapper YAML = YAMLMapper.builder().build();
    static final List<String> OVERLAYS = List.of("local", "production");

    private Manifests() {
    }

    /** This module's folder, {@code k8s/}. */
    static Path root() {
        return Path.of(System.getProperty("kinlink.k8s", "."));
    }

    static List<ObjectNode> render(String overlay) {
        return render(root().resolve("overlays").resolve(overlay));
    }

    static List<ObjectNode> render(Path kustomization) {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + kustomization + " failed");
            }
            return parse(yaml);
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render the manifests (.ci/run installs it): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document instanceof ObjectNode object) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(object -> object.path("kind").asString().equals(kind)).toList();
    }

    static String name(JsonNode object) {
        return object.path("kind").asString() + "/" + object.path("metadata").path("name").asString();
    }
}
