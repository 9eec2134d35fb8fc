package io.kinlink.rewards.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

@ConfigMapping(prefix = "kinlink.rewards")
public interface RewardsSettings {

    /** Points worth one CNY; 100 makes a point worth one fen. */
    @WithDefault("100")
    @Positive
    int pointsPerCny();

    /** How long earned referral points stay pending, reversible by a refund, before they can be spent. */
    @WithDefault("P14D")
    Duration holdingPeriod();

    Rebate rebate();

    interface Rebate {

        /**
         * Rebate rates as points on a referred member's purchases, in basis points of the amount,
         * for level 1 (direct referrer), 2 and 3. At most three levels exist.
         */
        @WithDefault("500,200,100")
        @Size(min = 1, max = 3)
        List<@PositiveOrZero @Max(10_000) Integer> levelRatesBasisPoints();
    }
}
