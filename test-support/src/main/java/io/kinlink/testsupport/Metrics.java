package io.kinlink.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;

/**
 * Reads a Prometheus text scrape (/q/metrics) as a test would check it: the value of a series
 * selected by name and some of its labels, summed over the rest.
 */
public final class Metrics {

    /** One line of a scrape: a series and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private Metrics() {
    }

    /** This test application's own scrape, from {@code /q/metrics} on REST Assured's port. */
    public static String scrape() {
        return RestAssured.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The sum of the samples called {@code name} whose labels include every given pair; 0 when there
     * is none (a counter never incremented may be absent).
     *
     * @param labels name, value, name, value, ...
     */
    public static double sum(String scrape, String name, String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name-value pairs");
        }
        double sum = 0;
        for (Sample sample : parse(scrape)) {
            if (sample.name().equals(name) && hasAll(sample.labels(), labels)) {
                sum += sample.value();
            }
        }
        return sum;
    }

    /** How much a series (selected as in {@link #sum}) grew from one scrape to a later one. */
    public static double delta(String before, String after, String name, String... labels) {
        return sum(after, name, labels) - sum(before, name, labels);
    }

    /** The names of every series in a scrape. */
    public static List<String> names(String scrape) {
        return parse(scrape).stream().map(Sample::name).distinct().toList();
    }

    public static List<Sample> parse(String scrape) {
        List<Sample> samples = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(parseLine(line.strip()));
            }
        }
        return samples;
    }

    private static boolean hasAll(Map<String, String> actual, String[] wanted) {
        for (int i = 0; i < wanted.length; i += 2) {
            if (!wanted[i + 1].equals(actual.get(wanted[i]))) {
                return false;
            }
        }
        return true;
    }

    private static Sample parseLine(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        int rest;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            rest = parseLabels(line, brace + 1, labels);
        } else {
            name = line.substring(0, space);
            rest = space;
        }
        String[] value = line.substring(rest).strip().split(" ");
        return new Sample(name, labels, Double.parseDouble(value[0]));
    }

    /** Reads {@code a="x",b="y"}, with the exposition format's escapes, up to the closing brace. */
    private static int parseLabels(String line, int at, Map<String, String> labels) {
        int i = at;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            String label = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            i = equals + 2;
            while (line.charAt(i) != '"') {
                char c = line.charAt(i++);
                if (c == '\\') {
                    char escaped = line.charAt(i++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(label, value.toString());
            i++;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i + 1;
    }
}
