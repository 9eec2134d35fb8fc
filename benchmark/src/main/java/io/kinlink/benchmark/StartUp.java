package io.kinlink.benchmark;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kinlink.testsupport.DatabaseServer;
import io.kinlink.testsupport.KinlinkPlatform;
import io.kinlink.testsupport.ServiceProcess;

/**
 * How long each domain service takes to be ready when it starts alone, as a pod would on a node
 * of its own (the platform's first start runs four JVMs at once on two cores): each is stopped
 * and started again, with its configuration and port, while the others keep running.
 */
final class StartUp {

    /** The processes started here, to be stopped with the platform. */
    private final List<ServiceProcess> restarted = new ArrayList<>();

    /** Seconds from launch to ready, by service. */
    Map<String, Double> measure(Path root, List<ServiceProcess> services, Map<String, Map<String, String>> environments,
                                Path logs) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            int port = URI.create(service.url()).getPort();
            // as Kubernetes would: SIGTERM and its grace period, so the consumers leave their groups
            // and the new process does not wait for the old one's sessions to time out
            service.stop(Duration.ofSeconds(45));
            service.close();
            long launched = System.nanoTime();
            ServiceProcess again = ServiceProcess.start(root, service.name(), port, environments.get(service.name()),
                    logs.resolve("restarted"));
            restarted.add(again);
            again.awaitReady(Duration.ofMinutes(2));
            seconds.put(service.name(), (System.nanoTime() - launched) / 1e9);
        }
        return seconds;
    }

    void close() {
        restarted.forEach(ServiceProcess::close);
    }

    /** Each domain service's configuration as the platform started it. */
    static Map<String, Map<String, String>> environments(String kafka, DatabaseServer postgres,
                                                         String database, Map<String, String> secrets,
                                                         Map<String, String> overrides, String gatewayUrl) {
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        for (String service : KinlinkPlatform.DOMAIN_SERVICES) {
            environments.put(service, KinlinkPlatform.environment(service, kafka, postgres, database, secrets, overrides,
                    gatewayUrl));
        }
        return environments;
    }
}
