package io.kinlink.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a run of seeds did: per seed its faults, events, writes, drain time and violations; and the totals. */
final class SuiteReport {

    record SeedResult(long seed, List<String> faults, long events, int writes, long retries, Duration drain,
                      List<String> violations) {
    }

    private final List<SeedResult> results = new ArrayList<>();

    void add(SeedResult result) {
        results.add(result);
    }

    List<SeedResult> failed() {
        return results.stream().filter(result -> !result.violations().isEmpty()).toList();
    }

    String markdown(Duration took) {
        Map<String, Long> byKind = new TreeMap<>();
        results.forEach(result -> result.faults().forEach(fault -> byKind.merge(fault.split(" ")[0], 1L, Long::sum)));
        long violations = results.stream().mapToLong(result -> result.violations().size()).sum();
        Duration longestDrain = results.stream().map(SeedResult::drain).max(Duration::compareTo).orElse(Duration.ZERO);
        StringBuilder text = new StringBuilder();
        text.append("| seeds | faults | events | acknowledged writes | client retries | violations | longest drain | took |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n")
                .append(String.format("| %d (%s) | %d | %d | %d | %d | %d | %.1f s | %s |%n%n", results.size(),
                        seedRange(), byKind.values().stream().mapToLong(Long::longValue).sum(),
                        results.isEmpty() ? 0 : results.get(results.size() - 1).events(),
                        results.stream().mapToInt(SeedResult::writes).sum(),
                        results.stream().mapToLong(SeedResult::retries).sum(), violations,
                        longestDrain.toMillis() / 1000.0, minutes(took)));
        text.append("Faults by kind: ").append(byKind.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "))).append(".\n\n");
        text.append("| seed | faults | drain | violations |\n| --- | --- | --- | --- |\n");
        for (SeedResult result : results) {
            text.append(String.format("| %d | %s | %.1f s | %s |%n", result.seed(), String.join("; ", result.faults()),
                    result.drain().toMillis() / 1000.0, result.violations().isEmpty() ? "0"
                            : result.violations().size() + ": " + String.join("; ", result.violations().subList(0,
                            Math.min(5, result.violations().size())))));
        }
        return text.toString();
    }

    void write(Path file, int replicas, Duration took) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# Fault suite\n\n" + replicas + " replica(s) of each domain service and of the gateway"
                + (replicas > 1 ? ", each kind behind a local balancer" : "") + ".\n\n" + markdown(took));
    }

    private String seedRange() {
        return results.isEmpty() ? "" : results.get(0).seed() + "-" + results.get(results.size() - 1).seed();
    }

    private static String minutes(Duration took) {
        return String.format("%dm%02ds", took.toMinutes(), took.toSecondsPart());
    }
}
