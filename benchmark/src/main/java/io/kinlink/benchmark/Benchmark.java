package io.kinlink.benchmark;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.KinlinkPlatform;
import io.kinlink.testsupport.PortForwarder;
import io.kinlink.testsupport.RandomKeys;
import io.kinlink.testsupport.ServiceProcess;

/**
 * The platform under load, measured through the gateway as a user would; see the module's README.
 * {@code --quick} is the CI smoke (a few seconds a scenario, a small forest: every credit must
 * arrive and no request may err); without it, each scenario runs {@code --seconds} (30).
 */
public final class Benchmark {

    /**
     * Production JVM settings (C2 on) sized for the 300 MB a service may take: a small heap with the
     * serial collector, which on two cores costs less than a parallel one for heaps this size.
     */
    static final String PRODUCTION_JVM = "-Xms96m -Xmx160m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m "
            + "-XX:ReservedCodeCacheSize=64m -Xss512k -XX:+ExitOnOutOfMemoryError";
    private static final int READERS = 32;

    private Benchmark() {
    }

    /** What a run found: its report, and whether every request succeeded and every purchase was credited. */
    public record Outcome(String report, boolean correct) {
    }

    /**
     * @param roots  chains of four in the referral forest; each chain's last member buys, three levels under its root
     * @param tills  tills recording purchases at once (closed loop)
     * @param rate   purchases a second offered for the latency figure; 0: half the ceiling, or half what
     *               the pipeline sustained when that is less
     */
    public record Options(boolean quick, int seconds, int roots, int tills, int registrationsPerSecond, int rate,
                          int replicas) {

        public static Options parse(List<String> args) {
            boolean quick = args.contains("--quick");
            return new Options(quick, Integer.parseInt(option(args, "--seconds", quick ? "5" : "30")),
                    quick ? 10 : 100, Integer.parseInt(option(args, "--tills", quick ? "8" : "64")),
                    Integer.parseInt(option(args, "--registrations", quick ? "10" : "100")),
                    Integer.parseInt(option(args, "--rate", quick ? "20" : "0")),
                    Integer.parseInt(option(args, "--replicas", "1")));
        }

        String command() {
            return (quick ? "benchmark/run --quick" : "benchmark/run --seconds " + seconds + " --tills " + tills
                    + " --registrations " + registrationsPerSecond + (rate > 0 ? " --rate " + rate : ""))
                    + (replicas > 1 ? " --replicas " + replicas : "");
        }
    }

    public static void main(String[] args) throws Exception {
        Outcome outcome = run(Path.of(System.getProperty("kinlink.root", ".")), Options.parse(List.of(args)));
        System.out.println(outcome.report());
        System.exit(outcome.correct() ? 0 : 1);
    }

    /** Starts the platform, runs the scenarios, writes the report under benchmark/target, and stops it again. */
    public static Outcome run(Path root, Options options) throws Exception {
        System.setProperty(ServiceProcess.JVM_OPTIONS, PRODUCTION_JVM);
        Infrastructure infrastructure = Infrastructure.shared();
        Map<String, String> secrets = RandomKeys.serviceSecrets();
        String database = "bench" + System.currentTimeMillis() % 100_000;
        Path logs = root.resolve("benchmark/target/service-logs");
        long starting = System.nanoTime();
        Map<String, String> serviceOverrides = Map.of("KINLINK_REWARDS_DEFAULTS_BUDGET_MINIMUM_FEN", "100000000000",
                "MALLOC_ARENA_MAX", "2");
        Map<String, String> gatewayOverrides = new HashMap<>(unlimitedPerAddress());
        gatewayOverrides.put("MALLOC_ARENA_MAX", "2");
        KinlinkPlatform platform = KinlinkPlatform.start(root, infrastructure.kafkaBootstrapServers(),
                infrastructure.databaseServer(), database, PortForwarder.freePorts(4), secrets,
                gatewayOverrides, serviceOverrides, logs, KinlinkPlatform.Replicas.of(options.replicas()));
        double startSeconds = (System.nanoTime() - starting) / 1e9;
        StartUp startUp = new StartUp();
        try {
            Gateway gateway = new Gateway(platform.gatewayUrl());
            gateway.logIn(secrets.get(RandomKeys.ADMIN_USERNAME), secrets.get(RandomKeys.ADMIN_PASSWORD));
            Forest forest = forest(gateway, options.roots());
            List<String> memberLogins = new ArrayList<>();
            for (Gateway.Registered member : forest.members().subList(0, 8)) {
                memberLogins.add(gateway.memberLogin(member.phone(), platform.services().stream()
                        .filter(service -> service.name().equals("member-service")).map(ServiceProcess::log).toList()));
            }
            List<String> ids = forest.members().stream().map(Gateway.Registered::id).toList();
            LoadDriver driver = new LoadDriver();
            List<LoadResult> results = new ArrayList<>();
            int seconds = options.seconds();

            List<String> rewardsMetrics = platform.services().stream().filter(s -> s.name().equals("rewards-service"))
                    .map(s -> s.managementUrl() + "/q/metrics").toList();
            PipelineLatency pipeline = new PipelineLatency(rewardsMetrics);
            List<String> buyers = forest.buyers();

            // warm-up, not measured: the JIT compiles the hot paths before any figure is taken
            int warmUp = options.quick() ? 3 : 20;
            List<Supplier<HttpRequest>> reads = List.of(() -> gateway.balance(random(ids)),
                    () -> gateway.read("/api/me/rewards/balance", random(memberLogins)),
                    () -> gateway.read("/api/me/rewards/history", random(memberLogins)),
                    () -> gateway.read("/api/members/" + random(ids) + "/rewards/balance", gateway.operatorAuthorization()));
            driver.closed("warm-up reads", READERS, warmUp, () -> reads.get(ThreadLocalRandom.current()
                    .nextInt(reads.size())).get(), ok(200));
            var beforeWarmUp = pipeline.buckets();
            LoadResult warmPurchases = driver.closed("warm-up purchases", options.tills(), warmUp,
                    () -> gateway.purchase(random(buyers), amount()), ok(201));
            pipeline.awaitCredits(beforeWarmUp, warmPurchases.ok());

            HttpRequest health = HttpRequest.newBuilder(URI.create(platform.gateway().managementUrl() + "/q/health"))
                    .build();
            results.add(driver.closed("gateway /q/health (reference)", READERS, seconds, () -> health, ok(200)));
            results.add(driver.closed("balance, partner key", READERS, seconds,
                    () -> gateway.balance(random(ids)), ok(200)));
            results.add(driver.closed("balance, member token (/api/me)", READERS, seconds,
                    () -> gateway.read("/api/me/rewards/balance", random(memberLogins)), ok(200)));
            results.add(driver.closed("history, member token (/api/me)", READERS, seconds,
                    () -> gateway.read("/api/me/rewards/history", random(memberLogins)), ok(200)));
            results.add(driver.closed("balance, operator token", READERS, seconds,
                    () -> gateway.read("/api/members/" + random(ids) + "/rewards/balance",
                            gateway.operatorAuthorization()), ok(200)));
            results.add(driver.open("registrations with a code", options.registrationsPerSecond(), seconds,
                    () -> gateway.registrationRequest(random(forest.codes())), ok(201)));

            // sustained: as many tills as asked, each recording its next purchase once the last is accepted
            var beforeTills = pipeline.buckets();
            long tillsStarted = System.nanoTime();
            LoadResult tills = driver.closed("purchases, " + options.tills() + " tills", options.tills(), seconds,
                    () -> gateway.purchase(random(buyers), amount()), ok(201));
            results.add(tills);
            var afterTills = pipeline.awaitCredits(beforeTills, tills.ok());
            Report.Pipeline sustained = Report.Pipeline.between(beforeTills, afterTills,
                    (System.nanoTime() - tillsStarted) / 1e9, 0);

            Ceiling.Figures ceiling = Ceiling.measure(infrastructure.databaseServer(), database + "_rewards",
                    infrastructure.kafkaBootstrapServers(), options.quick() ? 3 : 20, options.quick() ? 20_000 : 300_000);

            // latency: an open model at a rate the pipeline can sustain, half its ceiling when it can
            int rate = options.rate() > 0 ? options.rate() : (int) Math.max(1, Math.round(
                    Math.min(ceiling.purchasesPerSecond(), sustained.perSecond()) / 2));
            var beforeRate = pipeline.buckets();
            long rateStarted = System.nanoTime();
            LoadResult offered = driver.open("purchases, open model", rate, seconds,
                    () -> gateway.purchase(random(buyers), amount()), ok(201));
            results.add(offered);
            var afterRate = pipeline.awaitCredits(beforeRate, offered.ok());
            Report.Pipeline atRate = Report.Pipeline.between(beforeRate, afterRate,
                    (System.nanoTime() - rateStarted) / 1e9, rate);

            List<Report.Footprint> footprints = Report.Footprint.of(platform.services(), platform.gateways());
            // the smoke leaves the restarts out: it checks correctness within its three minutes
            Map<String, Double> alone = options.quick() ? Map.of() : startUp.measure(root, platform.services().stream()
                    .filter(service -> service.replica() == 1).toList(),
                    StartUp.environments(infrastructure.kafkaBootstrapServers(), infrastructure.databaseServer(),
                            database, secrets, serviceOverrides, platform.gatewayUrl()), logs);
            Report report = new Report(results, sustained, atRate, ceiling, footprints, alone, startSeconds,
                    options.command());
            Report.write(root.resolve("benchmark/target"), report.markdown(), Report.svg(results));
            long errors = results.stream().mapToLong(LoadResult::errors).sum();
            boolean correct = errors == 0 && tills.ok() > 0 && offered.ok() > 0
                    && sustained.purchases() == tills.ok() && atRate.purchases() == offered.ok();
            return new Outcome(correct ? report.markdown() : report.markdown() + "\nFAILED: " + errors
                    + " requests erred; " + sustained.purchases() + " of " + tills.ok() + " and " + atRate.purchases()
                    + " of " + offered.ok() + " purchases credited\n", correct);
        } finally {
            startUp.close();
            platform.close();
        }
    }

    /** The gateway's limits per client address lifted: every request of the benchmark comes from one. */
    private static Map<String, String> unlimitedPerAddress() {
        Map<String, String> limits = new HashMap<>();
        for (String policy : List.of("GENERAL", "REGISTRATION", "LOGIN")) {
            limits.put("KINLINK_GATEWAY_RATE_LIMITS_" + policy + "_PER_MINUTE", "100000000");
            limits.put("KINLINK_GATEWAY_RATE_LIMITS_" + policy + "_BURST", "1000000");
        }
        return limits;
    }

    /** The referral forest: every member, every member's code, and the buyers (each three levels under a root). */
    record Forest(List<Gateway.Registered> members, List<String> codes, List<String> buyers) {
    }

    /** Chains of four registered side by side: each root refers one, who refers one, who refers a buyer. */
    private static Forest forest(Gateway gateway, int roots) throws Exception {
        List<Gateway.Registered> members = Collections.synchronizedList(new ArrayList<>());
        List<String> codes = Collections.synchronizedList(new ArrayList<>());
        List<String> buyers = Collections.synchronizedList(new ArrayList<>());
        ExecutorService registrars = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> chains = new ArrayList<>();
            for (int i = 0; i < roots; i++) {
                chains.add(registrars.submit(() -> {
                    Gateway.Registered above = gateway.register(null);
                    members.add(above);
                    for (int level = 0; level < 3; level++) {
                        String code = gateway.codeOf(above.id());
                        codes.add(code);
                        above = gateway.register(code);
                        members.add(above);
                    }
                    buyers.add(above.id());
                    return null;
                }));
            }
            for (Future<?> chain : chains) {
                chain.get();
            }
        } finally {
            registrars.shutdown();
        }
        return new Forest(List.copyOf(members), List.copyOf(codes), List.copyOf(buyers));
    }

    private static IntPredicate ok(int status) {
        return answered -> answered == status;
    }

    private static long amount() {
        return 10_000 + ThreadLocalRandom.current().nextInt(90_000);
    }

    private static String random(List<String> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    private static String option(List<String> args, String name, String otherwise) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : otherwise;
    }
}
