package io.kinlink.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's quick variant, as CI's smoke of it: a few seconds a scenario, asserting that
 * no request erred and that every accepted purchase was credited (correctness, never speed).
 */
class BenchmarkSmokeIT {

    @Test
    void under_load_no_request_errs_and_every_purchase_is_credited() throws Exception {
        Benchmark.Outcome outcome = Benchmark.run(Path.of(System.getProperty("kinlink.root", "..")),
                Benchmark.Options.parse(List.of("--quick")));
        assertTrue(outcome.correct(), outcome.report());
    }
}
