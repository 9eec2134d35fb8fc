package io.kinlink.member.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.KinlinkInfraResource;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Without an OTLP endpoint of its own a service keeps no trace: the extension's default endpoint
 * (localhost:4317) is not a collector anyone set up, and sampling for it cost a span per JDBC
 * statement and an export that failed every second.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class TracingDefaultsTest {

    @Inject
    Sampler sampler;

    @Test
    void without_an_endpoint_nothing_is_sampled() {
        assertEquals(Sampler.alwaysOff().getDescription(), sampler.getDescription());
    }
}
