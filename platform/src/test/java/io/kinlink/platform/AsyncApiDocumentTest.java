package io.kinlink.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.events.Topics;
import io.kinlink.platform.event.DomainEvent;
import io.kinlink.platform.event.EventCatalog;

/**
 * The AsyncAPI document the gateway serves (gateway/src/main/resources/asyncapi.json) against the
 * event classes: every event type is a message on the channel of its topic with its major version,
 * every field of every event (nested records included) is in its schema with a description, every
 * topic and every service's dead-letter topic is a channel, and every reference resolves.
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("../gateway/src/main/resources/asyncapi.json");
    private static final JsonNode ASYNCAPI = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Files.readString(DOCUMENT));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + DOCUMENT.toAbsolutePath(), e);
        }
    }

    @Test
    void every_event_type_is_a_message_with_its_major_version_on_a_channel() throws Exception {
        assertEquals("3.0.0", ASYNCAPI.path("asyncapi").asText());
        Set<String> onChannels = new TreeSet<>();
        ASYNCAPI.path("channels").forEach(channel -> channel.path("messages").fieldNames().forEachRemaining(onChannels::add));
        for (Class<? extends DomainEvent> event : eventClasses()) {
            String type = event.getSimpleName();
            JsonNode message = ASYNCAPI.path("components").path("messages").path(type);
            assertFalse(message.isMissingNode(), type + " has a message");
            assertFalse(message.path("summary").asText().isBlank(), type + " says what it means");
            JsonNode body = message.path("payload").path("allOf").get(1).path("properties");
            assertEquals(type, body.path("type").path("const").asText(), type);
            assertEquals(EventCatalog.majorVersionOf(event), body.path("version").path("const").asInt(), type);
            assertEquals("#/components/schemas/" + type, body.path("payload").path("$ref").asText(), type);
            assertTrue(onChannels.contains(type), type + " is on a channel");
        }
    }

    @Test
    void every_field_of_every_event_and_of_the_records_in_it_is_documented() throws Exception {
        List<Class<?>> documented = new ArrayList<>(eventClasses());
        for (int i = 0; i < documented.size(); i++) {
            Class<?> record = documented.get(i);
            JsonNode schema = ASYNCAPI.path("components").path("schemas").path(record.getSimpleName());
            assertFalse(schema.isMissingNode(), record.getSimpleName() + " has a schema");
            Set<String> fields = new TreeSet<>();
            for (RecordComponent component : record.getRecordComponents()) {
                fields.add(component.getName());
                JsonNode property = schema.path("properties").path(component.getName());
                assertFalse(property.path("description").asText().isBlank(),
                        record.getSimpleName() + "." + component.getName() + " is described");
                nestedRecord(component.getGenericType()).filter(nested -> !documented.contains(nested))
                        .ifPresent(documented::add);
            }
            Set<String> inDocument = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(inDocument::add);
            assertEquals(fields, inDocument, record.getSimpleName() + ": the document has exactly its fields");
        }
    }

    @Test
    void every_topic_and_every_services_dead_letter_topic_is_a_channel_and_every_reference_resolves()
            throws Exception {
        Set<String> addresses = new TreeSet<>();
        ASYNCAPI.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        Set<String> expected = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                expected.add((String) field.get(null));
            }
        }
        for (String service : List.of("member-service", "referral-service", "rewards-service")) {
            expected.add("kinlink.dead-letter." + service);
        }
        assertEquals(expected, addresses);
        List<String> unresolved = new ArrayList<>();
        references(ASYNCAPI, unresolved);
        assertEquals(List.of(), unresolved, "references that point nowhere");
    }

    private static void references(JsonNode node, List<String> unresolved) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ASYNCAPI.at(ref.asText().substring(1)).isMissingNode()) {
                unresolved.add(ref.asText());
            }
            node.forEach(child -> references(child, unresolved));
        } else if (node.isArray()) {
            node.forEach(child -> references(child, unresolved));
        }
    }

    private static Optional<Class<?>> nestedRecord(Type type) {
        if (type instanceof Class<?> plain && plain.isRecord()) {
            return Optional.of(plain);
        }
        if (type instanceof ParameterizedType generic) {
            for (Type argument : generic.getActualTypeArguments()) {
                Optional<Class<?>> nested = nestedRecord(argument);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }

    /** The event records of the platform (io.kinlink.events), from its compiled classes. */
    private static List<Class<? extends DomainEvent>> eventClasses() throws IOException {
        List<Class<? extends DomainEvent>> events = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("target/classes/io/kinlink/events"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                EventCatalog.find(name).ifPresent(events::add);
            }
        }
        assertTrue(events.size() >= 15, "found the event classes: " + events);
        return events;
    }
}
