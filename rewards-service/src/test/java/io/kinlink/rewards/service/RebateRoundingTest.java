package io.kinlink.rewards.service;

import static io.kinlink.rewards.service.RebateCalculator.pointsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RebateRoundingTest {

    @Test
    void a_rebate_is_rounded_down_to_whole_points() {
        assertEquals(617, pointsFor(12_345, 100, 500), "5% of 123.45 CNY is 6.1725 CNY = 617.25 points");
        assertEquals(0, pointsFor(19, 100, 500), "less than a point pays nothing");
        assertEquals(5_000, pointsFor(100_000, 100, 500));
        assertEquals(1, pointsFor(100, 100, 100));
    }

    @Test
    void the_points_rate_scales_the_rebate() {
        assertEquals(500, pointsFor(100_000, 10, 500), "at 10 points per CNY, 50 CNY is 500 points");
    }

    @Test
    void the_largest_allowed_purchase_does_not_overflow() {
        assertEquals(500_000_000L, pointsFor(10_000_000_000L, 100, 500), "5% of 100 million CNY");
    }
}
