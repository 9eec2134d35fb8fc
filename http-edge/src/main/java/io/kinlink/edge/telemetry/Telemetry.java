package io.kinlink.edge.telemetry;

import java.util.Map;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What Kinlink adds to the quarkus-opentelemetry extension, which traces HTTP, Kafka and JDBC by
 * itself: the tracer for the spans only Kinlink knows of (an outbox publication, an event's
 * processing), and the W3C trace context an event carries through the outbox table and the Kafka
 * record header, so one purchase is one trace across every hop.
 */
@ApplicationScoped
public class Telemetry {

    /** The header of W3C trace context; also the outbox column and the Kafka record header it travels in. */
    public static final String TRACEPARENT = "traceparent";
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    public Telemetry(Tracer tracer) {
        this.tracer = tracer;
    }

    public Tracer tracer() {
        return tracer;
    }

    /** W3C trace context, the format the outbox stores and the Kafka records carry. */
    public TextMapPropagator propagator() {
        return W3CTraceContextPropagator.getInstance();
    }

    /** The context a {@code traceparent} value names; the root context when it is absent or malformed. */
    public Context contextOf(String traceparent) {
        return traceparent == null ? Context.root()
                : propagator().extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP_GETTER);
    }

    /** The {@code traceparent} of the current span, to carry it to the next hop; null outside any trace. */
    public String currentTraceparent() {
        String[] value = new String[1];
        propagator().inject(Context.current(), null, (carrier, key, header) -> {
            if (TRACEPARENT.equals(key)) {
                value[0] = header;
            }
        });
        return value[0];
    }
}
