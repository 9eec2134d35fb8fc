package io.kinlink.platform.inbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;

import io.kinlink.platform.event.EventCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How consumers fare: processing time per topic, event type and outcome, retries, and events given
 * up to the dead-letter topic. The retry and dead-letter counters exist from the start at zero for
 * every topic the service consumes, so "none dead-lettered" is a value and not a missing series.
 */
@Startup
@ApplicationScoped
public class EventMetrics {

    /** The outcome of one delivery. */
    enum Outcome { APPLIED, DUPLICATE, FAILED }

    /** Why an event went to the dead-letter topic. */
    enum DeadLetterReason { RETRIES_EXHAUSTED, UNREADABLE }

    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z]{1,80}");
    private static final String OTHER_TYPE = "other";

    private final MeterRegistry registry;
    /** Event types seen that name an event class; anything else is tagged "other", so a poison event adds no series. */
    private final Map<String, String> typeTags = new ConcurrentHashMap<>();

    public EventMetrics(MeterRegistry registry, Config config) {
        this.registry = registry;
        for (String topic : ChannelTopics.all(config)) {
            retries(topic);
            for (DeadLetterReason reason : DeadLetterReason.values()) {
                deadLetters(topic, reason);
            }
        }
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void processed(Timer.Sample sample, String topic, String type, Outcome outcome) {
        sample.stop(Timer.builder("kinlink.events.processing")
                .description("Time to apply a consumed event, retries included, by outcome")
                .tag("topic", topic).tag("type", typeTag(type)).tag("outcome", outcome.name().toLowerCase())
                .register(registry));
    }

    void retried(String topic) {
        retries(topic).increment();
    }

    private Counter retries(String topic) {
        return Counter.builder("kinlink.events.retries")
                .description("Tries of an event that failed and were retried (the log names the event)")
                .tag("topic", topic).register(registry);
    }

    void deadLettered(String topic, DeadLetterReason reason) {
        deadLetters(topic, reason).increment();
    }

    private Counter deadLetters(String topic, DeadLetterReason reason) {
        return Counter.builder("kinlink.events.dead.lettered")
                .description("Events given up and sent to the service's dead-letter topic")
                .tag("topic", topic).tag("reason", reason.name().toLowerCase())
                .register(registry);
    }

    private String typeTag(String type) {
        if (type == null || !TYPE_NAME.matcher(type).matches()) {
            return OTHER_TYPE;
        }
        if (typeTags.containsKey(type)) {
            return type;
        }
        if (isEventClass(type)) {
            typeTags.put(type, type);
            return type;
        }
        return OTHER_TYPE;
    }

    private static boolean isEventClass(String type) {
        return EventCatalog.find(type).isPresent();
    }
}
