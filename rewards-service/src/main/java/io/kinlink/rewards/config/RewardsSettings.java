package io.kinlink.rewards.config;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
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
    Period pointsValidity();

    /** The balance shows the points expiring within this time as "expiring soon". */
    @WithDefault("P30D")
    Duration expiringSoon();

    /** How often pending points due are released ({@code off} stops the job; read by the scheduler). */
    @WithDefault("1m")
    String releaseEvery();

    /** How often lots past their end are expired ({@code off} stops the job; read by the scheduler). */
    @WithDefault("1h")
    String expireEvery();

    /** What each member of staff may give away in discretionary coupons per calendar month, in fen. */
    @WithDefault("1000000")
    @PositiveOrZero
    long staffMonthlyAllowanceFen();

    /** The time zone of calendar months (staff allowances, budget periods). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** The budget cap's first version: incentives issued in a calendar month may not pass this share of its revenue, in basis points (10%). */
    @WithDefault("1000")
    @PositiveOrZero
    @Max(10_000)
    int budgetShareBasisPoints();

    Rebate rebate();

    /** The standing rules' first versions on a new installation; afterwards operators change them through the API. */
    Defaults defaults();

    interface Defaults {

        /** VIP referrers' rebate rates per level, in basis points. */
        @WithDefault("800,300,100")
        List<@PositiveOrZero @Max(10_000) Integer> vipLevelRatesBasisPoints();

        /** Qualified referrals in the last twelve months that make a referrer a VIP. */
        @WithDefault("5")
        @Positive
        int vipMinQualifiedReferrals();

        /** The referrer's coupon when a referral qualifies, in fen (200 CNY). */
        @WithDefault("20000")
        @Positive
        long qualifiedCouponFen();

        /** Own-spend points per CNY. */
        @WithDefault("1")
        @PositiveOrZero
        int ownSpendPointsPerCny();

        /** A milestone coupon for every this much cumulative spend, in fen (10,000 CNY) ... */
        @WithDefault("1000000")
        @Positive
        long milestoneEveryFen();

        /** ... worth this much, in fen (1,000 CNY). */
        @WithDefault("100000")
        @Positive
        long milestoneCouponFen();

        /** How long the default coupons are valid once issued, in days. */
        @WithDefault("90")
        @Positive
        int couponValidDays();

        /** The monthly incentive budget when the share of revenue is less (none by default). */
        @WithDefault("0")
        @PositiveOrZero
        long budgetMinimumFen();

        /** The most one order pays out in points across all levels, in basis points of the order (10%). */
        @WithDefault("1000")
        @PositiveOrZero
        int orderCapBasisPoints();
    }

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
