package io.kinlink.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The benchmark's report: a markdown table naming the machine, and a chart of the latencies (SVG). */
final class Report {

    private Report() {
    }

    /** A line of the pipeline's figures, measured inside the pipeline. */
    record Pipeline(long purchases, double seconds, double p50, double p99, double max) {
    }

    static String markdown(List<LoadResult> results, Pipeline pipeline, double startSeconds, String command) {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" on ").append(machine())
                .append(", with `").append(command).append("`.\n\n");
        md.append("| scenario | load | answered/s | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (LoadResult result : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                    result.scenario(), result.load(), result.throughput(), result.errors(), result.millis(50),
                    result.millis(90), result.millis(99), result.millis(99.9), result.latency().getMaxValue() / 1000.0));
        }
        md.append(String.format(Locale.ROOT, "%nPipeline, recording to credit (the rewards service's own histogram): "
                        + "%d purchases credited in %.1f s (%.0f/s), p50 %.0f ms, p99 %.0f ms, max bucket %.0f ms. "
                        + "All services ready %.1f s after the first started.%n", pipeline.purchases(), pipeline.seconds(),
                pipeline.purchases() / pipeline.seconds(), pipeline.p50() * 1000, pipeline.p99() * 1000,
                pipeline.max() * 1000, startSeconds));
        return md.toString();
    }

    /** Bars of p50 and p99 per scenario, on one log-free scale up to the largest p99. */
    static String svg(List<LoadResult> results) {
        double top = results.stream().mapToDouble(result -> result.millis(99)).max().orElse(1);
        int width = 720;
        int row = 46;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, row * results.size() + 40));
        svg.append("<text x=\"10\" y=\"18\" font-weight=\"bold\">Latency through the gateway (ms): p50 dark, p99 light</text>\n");
        for (int i = 0; i < results.size(); i++) {
            LoadResult result = results.get(i);
            int y = 32 + i * row;
            double p99 = result.millis(99) / top * (width - 260);
            double p50 = result.millis(50) / top * (width - 260);
            svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", y + 14, result.scenario()));
            svg.append(String.format(Locale.ROOT, "<rect x=\"200\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#f4b183\"/>%n",
                    y, Math.max(1, p99)));
            svg.append(String.format(Locale.ROOT, "<rect x=\"200\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#c55a11\"/>%n",
                    y, Math.max(1, p50)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.1f / %.1f</text>%n", 206 + Math.max(1, p99),
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
