package io.kinlink.edge.telemetry;

import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The process's tracer and the W3C trace-context propagation every hop uses: HTTP from the gateway
 * to a service, and the outbox to Kafka to a consumer. Spans are exported over OTLP/HTTP when an
 * endpoint is configured, in batches off the request path.
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

    private final SdkTracerProvider provider;
    private final Tracer tracer;

    public Telemetry(TelemetrySettings settings, @ConfigProperty(name = "quarkus.application.name") String service) {
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(
                        Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service))))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(settings.sampleRatio())));
        settings.otlpEndpoint().ifPresent(endpoint -> builder.addSpanProcessor(BatchSpanProcessor
                .builder(OtlpHttpSpanExporter.builder().setEndpoint(withoutSlash(endpoint) + "/v1/traces").build())
                .setScheduleDelay(settings.exportDelay())
                .build()));
        this.provider = builder.build();
        this.tracer = provider.get("io.kinlink");
    }

    public Tracer tracer() {
        return tracer;
    }

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

    @PreDestroy
    void flush() {
        provider.close();
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
