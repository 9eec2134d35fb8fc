package io.kinlink.e2e;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;

import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.KinlinkPlatform;
import io.kinlink.testsupport.PortForwarder;
import io.kinlink.testsupport.RandomKeys;
import io.kinlink.testsupport.SecuredKafka;
import io.kinlink.testsupport.ServiceProcess;

/**
 * Each service on a broker that asks for credentials (SASL/SCRAM, as the local stack's and a
 * production cluster's do): it connects with the ones it is given, and a client without the right
 * password is refused. And a service stops when asked even if its broker is gone: an orchestrator
 * (or Ctrl-C on the local stack) sends SIGTERM and must not have to kill a service that waits for
 * a broker that will not come back.
 */
class SecuredBrokerIT {

    @Test
    void a_client_without_the_password_is_refused() {
        try (SecuredKafka kafka = SecuredKafka.startTemporary(RandomKeys.password())) {
            Map<String, Object> wrong = new HashMap<>(kafka.clientProperties());
            wrong.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                    + "username=\"kinlink\" password=\"guessed\";");
            try (Admin admin = Admin.create(wrong)) {
                ExecutionException refused = assertThrows(ExecutionException.class,
                        () -> admin.listTopics().names().get(20, TimeUnit.SECONDS));
                assertInstanceOf(SaslAuthenticationException.class, refused.getCause());
            }
            try (Admin admin = Admin.create(new HashMap<>(kafka.clientProperties()))) {
                assertDoesNotThrow(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS));
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void each_service_connects_with_credentials_and_stops_on_sigterm_once_its_broker_has_gone() {
        Path root = Path.of(System.getProperty("kinlink.root", ".."));
        Map<String, String> secrets = RandomKeys.serviceSecrets();
        for (String service : KinlinkPlatform.DOMAIN_SERVICES) {
            SecuredKafka doomed = SecuredKafka.startTemporary(RandomKeys.password());
            Map<String, String> overrides = doomed.serviceEnvironment();
            int port = PortForwarder.freePort();
            ServiceProcess process = ServiceProcess.start(root, service, port,
                    KinlinkPlatform.environment(service, doomed.bootstrapServers(),
                            Infrastructure.shared().databaseServer(), "shutdown", secrets, overrides,
                            "http://localhost:" + port),
                    root.resolve("e2e/target/service-logs/secured-broker"));
            try {
                process.awaitReady(Duration.ofMinutes(1));
            } catch (RuntimeException e) {
                process.close();
                doomed.close();
                throw e;
            }
            doomed.close(); // gone for good, while the service still runs
            pause(Duration.ofSeconds(8)); // long enough for its consumers and relay to be retrying
            long started = System.nanoTime();
            boolean exited = process.stop(Duration.ofSeconds(20));
            long took = (System.nanoTime() - started) / 1_000_000;
            process.close();
            assertTrue(exited, service + " did not stop within 20 s of SIGTERM without its broker; see " + process.log());
            System.out.printf("%s stopped %d ms after SIGTERM without its broker%n", service, took);
        }
    }
}
