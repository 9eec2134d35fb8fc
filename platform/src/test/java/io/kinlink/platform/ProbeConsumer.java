package io.kinlink.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.events.ProbeEvent;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.platform.inbox.EventConsumer;
import io.kinlink.platform.inbox.EventProcessor;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** A consumer as the services write them, whose effect fails as its events ask. */
@ApplicationScoped
public class ProbeConsumer implements EventConsumer {

    private final EventProcessor processor;
    private final ObjectMapper mapper;
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    private final Set<String> fixed = ConcurrentHashMap.newKeySet();

    public ProbeConsumer(EventProcessor processor, ObjectMapper mapper) {
        this.processor = processor;
        this.mapper = mapper;
    }

    @Override
    public String channel() {
        return "platform-probe";
    }

    @Override
    @Incoming("platform-probe")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        processor.process("platform-test/probe", record, this::apply);
    }

    /** The effect: fails as the event asks, otherwise records the label. */
    public void apply(EventEnvelope event) {
        ProbeEvent probe = event.payloadAs(ProbeEvent.class, mapper);
        int attempt = tries.computeIfAbsent(probe.label(), label -> new AtomicInteger()).incrementAndGet();
        if (!fixed.contains(probe.label()) && (probe.failures() < 0 || attempt <= probe.failures())) {
            throw new IllegalStateException("try " + attempt + " of " + probe.label() + " fails, as asked");
        }
        applied.add(probe.label());
    }

    /** The cause of the label's failures is fixed: its next try succeeds. */
    public void fix(String label) {
        fixed.add(label);
    }

    public List<String> applied() {
        return applied;
    }

    public int tries(String label) {
        return tries.getOrDefault(label, new AtomicInteger()).get();
    }
}
