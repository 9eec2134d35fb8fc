package io.kinlink.member.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kinlink.events.Topics;
import io.kinlink.member.TestMembers;
import io.kinlink.platform.outbox.OutboxEvent;
import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.PortForwarder;
import io.kinlink.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The relay publishes through a port where no broker answers until the test starts forwarding
 * it to the real one: registrations succeed meanwhile, and their events go out once it is back.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.BrokerUnreachable.class)
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class BrokerOutageTest {

    /** Kept in a system property: Quarkus loads this class twice (profile and test) and both must agree. */
    static final int RELAY_PORT = Integer.parseInt(System.getProperties()
            .computeIfAbsent("kinlink.test.relay-port", key -> String.valueOf(PortForwarder.freePort())).toString());

    public static class BrokerUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kinlink.outbox.bootstrap-servers", "localhost:" + RELAY_PORT,
                    "kinlink.outbox.send-timeout", "2s");
        }
    }

    @Test
    void a_registration_made_while_the_broker_is_down_is_published_when_it_is_back() throws Exception {
        String memberId = TestMembers.register();

        OutboxEvent pending = awaitAttempted(memberId);
        assertNull(pending.publishedAt, "not published while the broker is unreachable");
        assertTrue(pending.lastError != null && !pending.lastError.isBlank(), "the failure is recorded");

        try (PortForwarder broker = PortForwarder.start(RELAY_PORT, Infrastructure.shared().kafkaBootstrapServers());
             TopicProbe probe = new TopicProbe(Infrastructure.shared().kafkaBootstrapServers(), Topics.MEMBER_EVENTS)) {
            var records = probe.await(r -> memberId.equals(r.key()), 1, Duration.ofSeconds(60), Duration.ofMillis(500));
            assertEquals(1, records.size(), "published once the broker is back");
            assertTrue(records.get(0).value().contains("MemberRegistered"));
        }
    }

    private static OutboxEvent awaitAttempted(String memberId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            OutboxEvent row = QuarkusTransaction.requiringNew()
                    .call(() -> OutboxEvent.<OutboxEvent>find("key", memberId).firstResult());
            if (row != null && row.attempts > 0) {
                return row;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the relay never tried to publish the registration");
    }
}
