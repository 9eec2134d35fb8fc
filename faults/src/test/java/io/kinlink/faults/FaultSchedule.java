package io.kinlink.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.kinlink.testsupport.KinlinkPlatform;

/**
 * The faults of one seed, in the order they strike: two kinds taken in turn from the list of
 * kinds (so any five consecutive seeds cover every kind) and a third drawn at random, each at a
 * random moment of the workload and aimed at a random service, and at a random one of its
 * replicas ({@code rewards-service#2}) where the fault strikes one process.
 */
record FaultSchedule(long seed, List<Fault> faults) {

    /** @param pass for a failpoint, the pass through it on which the service halts */
    record Fault(FaultKind kind, Duration at, String target, int pass) {

        @Override
        public String toString() {
            return kind + (target == null ? "" : " " + target) + (pass > 0 ? " pass " + pass : "") + " at " + at.toMillis()
                    + " ms";
        }
    }

    static FaultSchedule of(long seed, int replicas) {
        Random random = new Random(seed * 7919 + 17);
        FaultKind[] kinds = FaultKind.values();
        int first = (int) Math.floorMod(2 * (seed - 1), (long) kinds.length);
        List<FaultKind> chosen = List.of(kinds[first], kinds[(first + 1) % kinds.length],
                kinds[random.nextInt(kinds.length)]);
        List<Fault> faults = new ArrayList<>();
        for (FaultKind kind : chosen) {
            String service = KinlinkPlatform.DOMAIN_SERVICES.get(random.nextInt(KinlinkPlatform.DOMAIN_SERVICES.size()));
            String replica = "#" + (1 + random.nextInt(replicas));
            String target = switch (kind) {
                case KILL_BROKER, POSTGRES_IMMEDIATE_STOP, PUBLISH_TWICE -> null;
                case RESTART_GATEWAY -> Cluster.GATEWAY + replica;
                // all replicas of a service: its consumer groups must be empty to move their offsets
                case REWIND_OFFSETS -> service;
                case ROLLING_RESTART -> Cluster.SERVICES.get(random.nextInt(Cluster.SERVICES.size()));
                default -> service + replica;
            };
            // a relay sends a batch per round, a consumer passes once per event: fewer relay passes come by
            int pass = switch (kind) {
                case CRASH_AFTER_CONSUMER_COMMIT -> 1 + random.nextInt(8);
                case CRASH_AFTER_RELAY_SEND -> 1 + random.nextInt(3);
                default -> 0;
            };
            faults.add(new Fault(kind, Duration.ofMillis(500 + random.nextInt(12_000)), target, pass));
        }
        faults.sort(Comparator.comparing(Fault::at));
        return new FaultSchedule(seed, List.copyOf(faults));
    }
}
