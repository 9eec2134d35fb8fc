package io.kinlink.gateway;

import java.util.Collection;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.quarkus.opentelemetry.runtime.propagation.TextMapPropagatorCustomizer;
import io.vertx.core.MultiMap;
import jakarta.inject.Singleton;

/**
 * The gateway starts a trace of its own for every outside caller instead of adopting the caller's
 * {@code traceparent}: a client must not choose the platform's trace ids (nor its sampling). The
 * caller's trace is linked to the gateway's span instead ({@link GatewayRoutes}). Requests to the
 * services still carry the gateway's trace context.
 */
// io.opentelemetry.context.Context is spelt out: inside this class, Context is the customizer's own
@Singleton
public class CallerTraceIgnored implements TextMapPropagatorCustomizer {

    private static final TextMapGetter<MultiMap> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(MultiMap carrier) {
            return carrier.names();
        }

        @Override
        public String get(MultiMap carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** Links the current (server) span to the trace a caller's own {@code traceparent} names, if it is well formed. */
    static void linkCallersTrace(MultiMap headers) {
        SpanContext callers = Span.fromContext(W3CTraceContextPropagator.getInstance()
                .extract(io.opentelemetry.context.Context.root(), headers, HEADERS)).getSpanContext();
        if (callers.isValid()) {
            Span.current().addLink(callers);
        }
    }

    @Override
    public TextMapPropagator customize(Context context) {
        TextMapPropagator platform = context.propagator();
        return new TextMapPropagator() {
            @Override
            public Collection<String> fields() {
                return platform.fields();
            }

            @Override
            public <C> void inject(io.opentelemetry.context.Context current, C carrier, TextMapSetter<C> setter) {
                platform.inject(current, carrier, setter);
            }

            @Override
            public <C> io.opentelemetry.context.Context extract(io.opentelemetry.context.Context current, C carrier,
                                                               TextMapGetter<C> getter) {
                return current;
            }
        };
    }
}
