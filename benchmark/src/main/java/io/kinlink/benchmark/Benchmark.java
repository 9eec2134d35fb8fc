package io.kinlink.benchmark;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.KinlinkPlatform;
import io.kinlink.testsupport.PortForwarder;
import io.kinlink.testsupport.RandomKeys;
import io.kinlink.testsupport.ServiceProcess;

/**
 * The platform under load, measured through the gateway as a user would; see the module's pom.
 * {@code --quick} is the CI smoke (a few seconds a scenario: every credit must arrive and no
 * request may err); without it, each scenario runs {@code --seconds} (30).
 */
public final class Benchmark {

    /** Production JVM settings (C2 on), not the test processes' fast-start ones. */
    private static final String PRODUCTION_JVM = "-Xmx512m -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError";
    private static final int ROOTS = 20;

    private Benchmark() {
    }

    /** What a run found: its report, and whether every request succeeded and every purchase was credited. */
    public record Outcome(String report, boolean correct) {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int seconds = quick ? 5 : Integer.parseInt(option(args, "--seconds", "30"));
        int rate = Integer.parseInt(option(args, "--rate", quick ? "20" : "50"));
        Outcome outcome = run(Path.of(System.getProperty("kinlink.root", ".")), quick, seconds, rate);
        System.out.println(outcome.report());
        if (!outcome.correct()) {
            System.exit(1);
        }
        System.exit(0);
    }

    /** Starts the platform, runs the scenarios, writes the report under benchmark/target, and stops it again. */
    public static Outcome run(Path root, boolean quick, int seconds, int rate) throws Exception {
        System.setProperty(ServiceProcess.JVM_OPTIONS, PRODUCTION_JVM);

        Infrastructure infrastructure = Infrastructure.shared();
        Map<String, String> secrets = RandomKeys.serviceSecrets();
        long starting = System.nanoTime();
        KinlinkPlatform platform = KinlinkPlatform.start(root, infrastructure.kafkaBootstrapServers(),
                infrastructure.databaseServer(), "bench" + System.currentTimeMillis() % 100_000,
                PortForwarder.freePorts(4), secrets,
                Map.of("KINLINK_GATEWAY_RATE_LIMITS_GENERAL_PER_MINUTE", "100000000",
                        "KINLINK_GATEWAY_RATE_LIMITS_GENERAL_BURST", "1000000",
                        "KINLINK_GATEWAY_RATE_LIMITS_REGISTRATION_PER_MINUTE", "100000000",
                        "KINLINK_GATEWAY_RATE_LIMITS_REGISTRATION_BURST", "1000000"),
                Map.of("KINLINK_REWARDS_DEFAULTS_BUDGET_MINIMUM_FEN", "100000000000"),
                root.resolve("benchmark/target/service-logs"));
        double startSeconds = (System.nanoTime() - starting) / 1e9;
        try {
            Gateway gateway = new Gateway(platform.gatewayUrl());
            gateway.logIn(secrets.get(RandomKeys.ADMIN_USERNAME), secrets.get(RandomKeys.ADMIN_PASSWORD));
            List<String> members = new ArrayList<>();
            List<String> buyers = forest(gateway, members);
            String rewardsMetrics = platform.services().stream().filter(s -> s.name().equals("rewards-service"))
                    .findFirst().orElseThrow().managementUrl() + "/q/metrics";
            HttpRequest health = HttpRequest.newBuilder(URI.create(platform.gateway().managementUrl() + "/q/health"))
                    .build();

            LoadDriver driver = new LoadDriver();
            List<LoadResult> results = new ArrayList<>();
            results.add(driver.closed("gateway /q/health (reference)", 32, seconds, () -> health, status -> status == 200));
            results.add(driver.closed("balance reads (partner key)", 32, seconds,
                    () -> gateway.balance(random(members)), status -> status == 200));
            PipelineLatency pipeline = new PipelineLatency(rewardsMetrics);
            var before = pipeline.buckets();
            long pipelineStart = System.nanoTime();
            LoadResult purchases = driver.open("purchases (till, open model)", rate, seconds,
                    () -> gateway.purchase(random(buyers), 10_000 + ThreadLocalRandom.current().nextInt(90_000)),
                    status -> status == 201);
            results.add(purchases);
            var after = awaitCredits(pipeline, before, purchases.ok());
            double pipelineSeconds = (System.nanoTime() - pipelineStart) / 1e9;
            Report.Pipeline figures = new Report.Pipeline((long) (PipelineLatency.count(after)
                    - PipelineLatency.count(before)), pipelineSeconds, PipelineLatency.quantile(0.5, before, after),
                    PipelineLatency.quantile(0.99, before, after), PipelineLatency.quantile(1.0, before, after));

            String command = quick ? "benchmark/run --quick" : "benchmark/run --seconds " + seconds + " --rate " + rate;
            String markdown = Report.markdown(results, figures, startSeconds, command);
            Report.write(root.resolve("benchmark/target"), markdown, Report.svg(results));
            long errors = results.stream().mapToLong(LoadResult::errors).sum();
            boolean correct = errors == 0 && figures.purchases() == purchases.ok() && purchases.ok() > 0;
            return new Outcome(correct ? markdown : markdown + "\nFAILED: " + errors + " requests erred; "
                    + figures.purchases() + " of " + purchases.ok() + " purchases credited\n", correct);
        } finally {
            platform.close();
        }
    }

    /** Twenty chains of four: each root refers one, who refers one, who refers a buyer (three levels above each). */
    private static List<String> forest(Gateway gateway, List<String> members) throws Exception {
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < ROOTS; i++) {
            String above = gateway.register(null);
            members.add(above);
            for (int level = 0; level < 3; level++) {
                String below = gateway.register(gateway.codeOf(above));
                members.add(below);
                above = below;
            }
            buyers.add(above);
        }
        return buyers;
    }

    /** Waits until the pipeline has measured every accepted purchase (or two minutes passed). */
    private static Map<Double, Double> awaitCredits(PipelineLatency pipeline, Map<Double, Double> before, long expected)
            throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        Map<Double, Double> now = pipeline.buckets();
        while (PipelineLatency.count(now) - PipelineLatency.count(before) < expected && System.nanoTime() < deadline) {
            Thread.sleep(250);
            now = pipeline.buckets();
        }
        return now;
    }

    private static String random(List<String> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    private static String option(String[] args, String name, String otherwise) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }

}
