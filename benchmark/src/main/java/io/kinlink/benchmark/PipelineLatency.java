package io.kinlink.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.kinlink.testsupport.Metrics;

/**
 * The pipeline's recording-to-credit latency as the rewards service measures it, per purchase,
 * inside the pipeline (its kinlink_pipeline_latency_seconds histogram): the benchmark reads the
 * histogram before and after a run and takes percentiles of the difference, as Prometheus'
 * histogram_quantile does (linear within a bucket). With several replicas, their histograms summed.
 */
final class PipelineLatency {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<String> metricsUrls;

    PipelineLatency(List<String> metricsUrls) {
        this.metricsUrls = metricsUrls;
    }

    /** Cumulative counts by upper bound (seconds), +Inf included as infinity. */
    Map<Double, Double> buckets() throws IOException, InterruptedException {
        Map<Double, Double> buckets = new TreeMap<>();
        for (String metricsUrl : metricsUrls) {
            String scrape = HTTP.send(HttpRequest.newBuilder(URI.create(metricsUrl)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (Metrics.Sample sample : Metrics.parse(scrape)) {
                if (sample.name().equals("kinlink_pipeline_latency_seconds_bucket")) {
                    String le = sample.labels().get("le");
                    buckets.merge(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), sample.value(),
                            Double::sum);
                }
            }
        }
        return buckets;
    }

    /**
     * Reads the histogram until it has measured {@code expected} purchases since {@code before}, for
     * as long as credits keep arriving (a backlog drains at its own pace): it gives up after half a
     * minute without one.
     */
    Map<Double, Double> awaitCredits(Map<Double, Double> before, long expected) throws IOException, InterruptedException {
        Map<Double, Double> now = buckets();
        double seen = count(now);
        long lastProgress = System.nanoTime();
        while (count(now) - count(before) < expected && System.nanoTime() - lastProgress < 30_000_000_000L) {
            Thread.sleep(200);
            now = buckets();
            if (count(now) > seen) {
                seen = count(now);
                lastProgress = System.nanoTime();
            }
        }
        return now;
    }

    static double count(Map<Double, Double> buckets) {
        return buckets.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
    }

    /** The quantile (0-1) of what was measured between two readings, in seconds. */
    static double quantile(double q, Map<Double, Double> before, Map<Double, Double> after) {
        double total = count(after) - count(before);
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        double below = 0;
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double inside = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (inside >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound;
                }
                return lowerBound + (bucket.getKey() - lowerBound) * (rank - below) / Math.max(1e-9, inside - below);
            }
            below = inside;
            lowerBound = bucket.getKey();
        }
        return lowerBound;
    }
}
