package io.kinlink.benchmark;

import org.HdrHistogram.Histogram;

/** What one scenario measured: answers, errors and the latency distribution (microseconds). */
record LoadResult(String scenario, String load, long ok, long errors, double seconds, Histogram latency) {

    double throughput() {
        return ok / seconds;
    }

    double millis(double percentile) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / 1000.0;
    }
}
