package io.kinlink.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TierTest {

    private static Tier tier(long netSpendFen) {
        return Tier.forNetSpend(netSpendFen, 1_000_000, 3_000_000, 5_000_000);
    }

    @Test
    void each_threshold_is_reached_exactly_at_its_amount() {
        assertEquals(Tier.NONE, tier(999_999));
        assertEquals(Tier.NORMAL, tier(1_000_000));
        assertEquals(Tier.NORMAL, tier(2_999_999));
        assertEquals(Tier.SILVER, tier(3_000_000));
        assertEquals(Tier.SILVER, tier(4_999_999));
        assertEquals(Tier.GOLD, tier(5_000_000));
        assertEquals(Tier.NONE, tier(-100), "refunds beyond purchases never make a tier");
    }
}
