package io.kinlink.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kinlink.testsupport.ServiceProcess;

/**
 * The benchmark's report: markdown tables naming the machine and the command, the targets met or
 * missed by how much, and a chart of the latencies (SVG).
 */
record Report(List<LoadResult> results, Pipeline sustained, Pipeline atRate, Ceiling.Figures ceiling,
              List<Footprint> footprints, Map<String, Double> readyAlone, double startSeconds, String command) {

    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    /** What the rewards service's own histogram measured over a phase; {@code rate} 0 when the load was a closed loop. */
    record Pipeline(long purchases, double seconds, double p50, double p99, int rate) {

        static Pipeline between(Map<Double, Double> before, Map<Double, Double> after, double seconds, int rate) {
            return new Pipeline((long) (PipelineLatency.count(after) - PipelineLatency.count(before)), seconds,
                    PipelineLatency.quantile(0.5, before, after), PipelineLatency.quantile(0.99, before, after), rate);
        }

        double perSecond() {
            return purchases / seconds;
        }
    }

    /** A process's peak resident memory (the kernel's VmHWM) and its own start-up time (Quarkus' "started in"). */
    record Footprint(String service, double peakMegabytes, double startedSeconds) {

        static List<Footprint> of(List<ServiceProcess> services, List<ServiceProcess> gateways) throws IOException {
            List<ServiceProcess> all = new ArrayList<>(services);
            all.addAll(gateways);
            List<Footprint> footprints = new ArrayList<>();
            for (ServiceProcess process : all) {
                String status = Files.readString(Path.of("/proc/" + process.pid() + "/status"));
                Matcher peak = Pattern.compile("VmHWM:\\s+(\\d+) kB").matcher(status);
                Matcher started = STARTED.matcher(Files.readString(process.log()));
                String name = process.replica() == 1 ? process.name() : process.name() + "#" + process.replica();
                footprints.add(new Footprint(name, peak.find() ? Long.parseLong(peak.group(1)) / 1024.0 : -1,
                        started.find() ? Double.parseDouble(started.group(1)) : -1));
            }
            return footprints;
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" on ").append(machine())
                .append(", with `").append(command).append("` (services: `").append(Benchmark.PRODUCTION_JVM)
                .append("`; PostgreSQL and Kafka as the tests run them, on the same machine).\n\n");
        md.append("| scenario | load | answered/s | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (LoadResult result : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                    result.scenario(), result.load(), result.throughput(), result.errors(), result.millis(50),
                    result.millis(90), result.millis(99), result.millis(99.9), result.latency().getMaxValue() / 1000.0));
        }
        md.append(String.format(Locale.ROOT, "%nThe ceiling, measured in the same run: the credit transaction straight "
                        + "on PostgreSQL %.0f/s (8 clients); Kafka %.0f records/s produced, %.0f/s consumed, that is "
                        + "%.0f purchases/s at %d records each: **%.0f purchases/s**.%n%n",
                ceiling.creditsPerSecond(), ceiling.producedPerSecond(), ceiling.consumedPerSecond(),
                Math.min(ceiling.producedPerSecond(), ceiling.consumedPerSecond()) / Ceiling.RECORDS_PER_PURCHASE,
                Ceiling.RECORDS_PER_PURCHASE, ceiling.purchasesPerSecond()));
        md.append(String.format(Locale.ROOT, "Pipeline, recording to credit (the rewards service's own histogram): "
                        + "sustained %.0f purchases/s (%d credited in %.1f s under the tills' load), %.2f× the ceiling; "
                        + "at %d/s offered: p50 %.0f ms, p99 %.0f ms (%d credited).%n%n", sustained.perSecond(),
                sustained.purchases(), sustained.seconds(), sustained.perSecond() / ceiling.purchasesPerSecond(),
                atRate.rate(), atRate.p50() * 1000, atRate.p99() * 1000, atRate.purchases()));
        md.append("| process | peak RSS under the load (MB) | started in, four at once (s) | ready, started alone (s) |\n"
                + "| --- | ---: | ---: | ---: |\n");
        for (Footprint footprint : footprints) {
            Double alone = readyAlone.get(footprint.service());
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %s |%n", footprint.service(),
                    footprint.peakMegabytes(), footprint.startedSeconds(),
                    alone == null ? "-" : String.format(Locale.ROOT, "%.1f", alone)));
        }
        md.append(String.format(Locale.ROOT, "%nAll four ready %.1f s after the first was launched (started together "
                + "on two cores, as Quarkus counts its own start in the third column); the fourth column restarts each "
                + "domain service alone while the others run.%n", startSeconds));
        return md.toString();
    }

    /** Bars of p50 and p99 per scenario, on one scale up to the largest p99. */
    static String svg(List<LoadResult> results) {
        double top = results.stream().mapToDouble(result -> result.millis(99)).max().orElse(1);
        int width = 760;
        int row = 46;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, row * results.size() + 40));
        svg.append("<text x=\"10\" y=\"18\" font-weight=\"bold\">Latency through the gateway (ms): p50 dark, p99 light</text>\n");
        for (int i = 0; i < results.size(); i++) {
            LoadResult result = results.get(i);
            int y = 32 + i * row;
            double p99 = result.millis(99) / top * (width - 330);
            double p50 = result.millis(50) / top * (width - 330);
            svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", y + 14, result.scenario()));
            svg.append(String.format(Locale.ROOT, "<rect x=\"240\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#f4b183\"/>%n",
                    y, Math.max(1, p99)));
            svg.append(String.format(Locale.ROOT, "<rect x=\"240\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#c55a11\"/>%n",
                    y, Math.max(1, p50)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.1f / %.1f</text>%n", 246 + Math.max(1, p99),
                    y + 14, result.millis(50), result.millis(99)));
        }
        return svg.append("</svg>\n").toString();
    }

    static void write(Path dir, String markdown, String svg) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.md"), markdown);
        Files.writeString(dir.resolve("report.svg"), svg);
    }

    private static String machine() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%d cores, %d GiB, %s %s, Java %s", Runtime.getRuntime().availableProcessors(),
                memory >> 30, System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"));
    }
}
