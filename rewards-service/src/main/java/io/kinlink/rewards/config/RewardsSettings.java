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

    /** Points expire this long after they were earned, lot by lot. */
    @WithDefault("P12M")
    java.time.Period pointsValidity();

    /** The balance shows the points expiring within this time as "expiring soon". */
    @WithDefault("P30D")
    Duration expiringSoon();

    /** How often pending points due are released ({@code off} stops the job; read by the scheduler). */
    @WithDefault("1m")
    String releaseEvery();

    /** How often lots past their end are expired ({@code off} stops the job; read by the scheduler). */
    @WithDefault("1h")
    String expireEvery();

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
