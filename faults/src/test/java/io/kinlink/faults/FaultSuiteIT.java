package io.kinlink.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The ledger's promise under faults: for each seed, a workload and a fault schedule from that seed
 * run together on the packaged services; then the cluster drains and the audit reads the three
 * databases. Seeds come from {@code kinlink.faults.seeds} ({@code 1-5} in the build, {@code 1-50}
 * from {@code faults/run}); a failing seed is named and runs again alone with
 * {@code faults/run --seeds N}.
 */
class FaultSuiteIT {

    @Test
    void every_seed_leaves_a_ledger_without_violations() throws Exception {
        Path root = Path.of(System.getProperty("kinlink.root", ".."));
        Path work = root.resolve("faults/target/cluster");
        deleteRecursively(work);
        List<Long> seeds = seeds(System.getProperty("kinlink.faults.seeds", "1-5"));
        // as production runs them: two of each service and of the gateway
        int replicas = Integer.getInteger("kinlink.faults.replicas", 2);
        SuiteReport report = new SuiteReport();
        List<String> planted;
        long started = System.nanoTime();
        try (Cluster cluster = Cluster.start(root, work, replicas);
             Databases databases = new Databases(cluster.databaseServer())) {
            Api api = new Api(cluster.gatewayUrl());
            Standing standing = Standing.open(api, cluster);
            Acknowledged last = null;
            Set<String> seen = new HashSet<>();
            for (long seed : seeds) {
                SeedRun run = runSeed(seed, cluster, databases, api, standing, seen);
                report.add(run.result());
                last = run.acknowledged();
                System.out.printf("seed %d: %d violations%n", seed, run.result().violations().size());
            }
            planted = PlantedViolations.missed(cluster.databaseServer(), databases, last);
        } finally {
            report.write(root.resolve("faults/target/fault-report.md"), replicas,
                    Duration.ofNanos(System.nanoTime() - started));
        }
        List<SuiteReport.SeedResult> failed = report.failed();
        assertTrue(failed.isEmpty(), () -> failed.stream().map(result -> "seed " + result.seed() + " (replay: faults/run --seeds "
                + result.seed() + "), faults " + result.faults() + ":\n  " + String.join("\n  ", result.violations()))
                .collect(Collectors.joining("\n")));
        assertTrue(planted.isEmpty(), () -> "The audit missed what was broken on purpose: " + planted);
    }

    private record SeedRun(SuiteReport.SeedResult result, Acknowledged acknowledged) {
    }

    private static SeedRun runSeed(long seed, Cluster cluster, Databases databases, Api api, Standing standing,
                                   Set<String> seen) throws Exception {
        FaultSchedule schedule = FaultSchedule.of(seed, cluster.replicas());
        FaultInjector injector = new FaultInjector(cluster, seed);
        long retriesBefore = api.retries();
        long start = System.nanoTime();
        CompletableFuture<Void> faults = CompletableFuture.runAsync(() -> {
            try {
                injector.run(schedule, start);
            } catch (Exception e) {
                throw new IllegalStateException("Fault injection failed", e);
            }
        });
        Acknowledged acknowledged = new Workload(api, standing.credentials(api), seed).run(faults::isDone);
        long workloadDone = System.nanoTime();
        faults.join();
        Duration drain = Drain.await(cluster, databases);
        System.out.printf("seed %d: workload %.1f s, faults over at %.1f s, drained in %.1f s%n", seed,
                (workloadDone - start) / 1e9, (System.nanoTime() - start - drain.toNanos()) / 1e9, drain.toMillis() / 1e3);
        // the audit reads everything every seed wrote: a seed is charged only with what is new since the last
        List<String> violations = new ArrayList<>(Audit.violations(databases, acknowledged).stream().filter(seen::add)
                .toList());
        violations.addAll(api.takeInternalErrors());
        return new SeedRun(new SuiteReport.SeedResult(seed, injector.outcomes(), new DeliveryChecks(databases,
                new ArrayList<>()).events(), acknowledged.writes(), api.retries() - retriesBefore, drain, violations),
                acknowledged);
    }

    /** "1-5", "3,7,9" or "17". */
    static List<Long> seeds(String spec) {
        List<Long> seeds = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] range = part.trim().split("-");
            long from = Long.parseLong(range[0]);
            long to = range.length > 1 ? Long.parseLong(range[1]) : from;
            for (long seed = from; seed <= to; seed++) {
                seeds.add(seed);
            }
        }
        return seeds;
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** What every seed uses: a till's key for every branch and a coupon template, made once by the administrator. */
    private record Standing(String tillKey, String couponTemplate, String username, String password) {

        static Standing open(Api api, Cluster cluster) {
            String operator = login(api, cluster.administratorUsername(), cluster.administratorPassword());
            String key = api.post("/api/partner-keys", operator, Map.of("name", "Fault suite till", "branches",
                    Workload.BRANCHES, "requestsPerMinute", 100_000)).text("key");
            String template = api.post("/api/rewards/coupon-templates", operator, Map.of("name", "Fault suite",
                    "faceValueFen", 5_000, "minSpendFen", 0, "validDays", 30)).text("id");
            return new Standing("key " + key, template, cluster.administratorUsername(), cluster.administratorPassword());
        }

        /** A fresh operator login per seed: a long run outlasts an access token. */
        Workload.Credentials credentials(Api api) {
            int notice = api.get("/api/privacy-notice", null).body().path("version").asInt();
            return new Workload.Credentials(login(api, username, password), tillKey, couponTemplate, notice);
        }

        private static String login(Api api, String username, String password) {
            return "Bearer " + api.post("/api/auth/operator-token", null, Map.of("username", username,
                    "password", password)).text("accessToken");
        }
    }
}
