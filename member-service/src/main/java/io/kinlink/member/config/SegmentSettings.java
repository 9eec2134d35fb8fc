package io.kinlink.member.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Segment definitions, all on the current membership year. Value segments (one per member):
 * strategic, profit, potential, ordinary. Behaviour segments (any number): active, high-value,
 * loyal, churned.
 */
@ConfigMapping(prefix = "kinlink.members.segments")
public interface SegmentSettings {

    /** Strategic: a year's net spend of at least this (100,000 CNY) ... */
    @WithDefault("10000000")
    long strategicYearSpendFen();

    /** ... or at least this many successful referrals in the year (an opinion leader). */
    @WithDefault("5")
    int strategicYearReferrals();

    /** Profit: a year's net spend of at least 30,000 CNY. */
    @WithDefault("3000000")
    long profitYearSpendFen();

    /** Potential: a year's net spend of at least 5,000 CNY; below it, ordinary. */
    @WithDefault("500000")
    long potentialYearSpendFen();

    /** Active: a visit or purchase within this time. */
    @WithDefault("P90D")
    Duration activeWithin();

    /** High-value: a year's net spend of at least 50,000 CNY. */
    @WithDefault("5000000")
    long highValueYearSpendFen();

    /** Loyal: at least this many visits in the year (100k-a-year members visit 12+ times). */
    @WithDefault("12")
    int loyalYearVisits();

    /** Churned: no visit (or, never having visited, no registration) for this long. */
    @WithDefault("P180D")
    Duration churnedAfter();
}
