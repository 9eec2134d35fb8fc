package io.kinlink.rewards.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of points, always rounded down so no rule pays a fraction of a point more than
 * it says. Amounts are in fen; rates in basis points; multipliers in percent.
 */
public final class RebateCalculator {

    private RebateCalculator() {
    }

    /** {@code rate} of the amount as points, at {@code pointsPerCny} points to the CNY. */
    public static long pointsFor(long amountFen, int pointsPerCny, int rateBasisPoints) {
        return pointsFor(amountFen, pointsPerCny, rateBasisPoints, 100);
    }

    public static long pointsFor(long amountFen, int pointsPerCny, int rateBasisPoints, int multiplierPercent) {
        return Math.multiplyExact(Math.multiplyExact(amountFen, (long) pointsPerCny),
                (long) rateBasisPoints * multiplierPercent) / (100L * 10_000L * 100L);
    }

    /** The most points one order may pay out: {@code capBasisPoints} of its amount. */
    public static long capPoints(long amountFen, int pointsPerCny, int capBasisPoints) {
        return pointsFor(amountFen, pointsPerCny, capBasisPoints);
    }

    /** Scales the levels' points down in proportion when together they pass the cap; unchanged otherwise. */
    public static List<Long> capped(List<Long> points, long cap) {
        long total = points.stream().mapToLong(Long::longValue).sum();
        if (total <= cap) {
            return List.copyOf(points);
        }
        List<Long> scaled = new ArrayList<>(points.size());
        for (long levelPoints : points) {
            scaled.add(Math.multiplyExact(levelPoints, cap) / total);
        }
        return scaled;
    }
}
