package io.kinlink.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which workload may open a connection to which, by the rendered NetworkPolicies, evaluated the
 * way Kubernetes does: a connection needs the sender's egress and the receiver's ingress to allow
 * it, where a pod that no policy of that direction selects allows everything. Ports are left out:
 * the graph is about who talks to whom.
 */
final class NetworkGraph {

    /** A workload: its namespace and its pods' labels. */
    record Peer(String name, String namespace, Map<String, String> labels) {
    }

    private final List<ObjectNode> policies;
    private final String namespace;

    NetworkGraph(List<ObjectNode> objects, String namespace) {
        this.policies = Manifests.ofKind(objects, "NetworkPolicy");
        this.namespace = namespace;
    }

    /** Every allowed "from -> to" among {@code peers}, sender and receiver distinct. */
    Set<String> edges(List<Peer> peers) {
        Set<String> edges = new TreeSet<>();
        for (Peer from : peers) {
            for (Peer to : peers) {
                if (from != to && allows(from, to, "Egress", "egress", "to", from)
                        && allows(to, from, "Ingress", "ingress", "from", to)) {
                    edges.add(from.name() + " -> " + to.name());
                }
            }
        }
        return edges;
    }

    /** Whether {@code subject}'s policies of one direction let it talk with {@code other}. */
    private boolean allows(Peer subject, Peer other, String type, String rulesField, String peersField, Peer owner) {
        List<JsonNode> selecting = new ArrayList<>();
        for (ObjectNode policy : policies) {
            JsonNode spec = policy.path("spec");
            boolean ofType = false;
            for (JsonNode policyType : spec.path("policyTypes")) {
                ofType |= policyType.asString().equals(type);
            }
            if (ofType && owner.namespace().equals(namespace) && matches(spec.path("podSelector"), subject.labels())) {
                selecting.add(spec);
            }
        }
        if (selecting.isEmpty()) {
            return true; // not isolated in this direction
        }
        for (JsonNode spec : selecting) {
            for (JsonNode rule : spec.path(rulesField)) {
                for (JsonNode peer : rule.path(peersField)) {
                    if (peerMatches(peer, other)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean peerMatches(JsonNode peer, Peer other) {
        if (peer.has("ipBlock")) {
            // addresses outside the cluster: pods have private addresses, which every ipBlock here excepts
            return false;
        }
        boolean namespaceMatches = peer.has("namespaceSelector")
                ? matches(peer.path("namespaceSelector"), Map.of("kubernetes.io/metadata.name", other.namespace()))
                : other.namespace().equals(namespace);
        boolean podMatches = !peer.has("podSelector") || matches(peer.path("podSelector"), other.labels());
        return namespaceMatches && podMatches;
    }

    private static boolean matches(JsonNode selector, Map<String, String> labels) {
        for (var entry : selector.path("matchLabels").properties()) {
            if (!entry.getValue().asString().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asString());
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(candidate -> values.add(candidate.asString()));
            boolean holds = switch (expression.path("operator").asString()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("unknown selector operator in " + expression);
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
