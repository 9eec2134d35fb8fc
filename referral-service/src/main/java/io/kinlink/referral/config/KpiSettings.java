package io.kinlink.referral.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** How the referral KPIs are measured and what they aim for (README "KPIs"). */
@ConfigMapping(prefix = "kinlink.kpis")
public interface KpiSettings {

    /** The time zone of calendar months. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** A member is active who bought (net of refunds) within this time before the month's end. */
    @WithDefault("P365D")
    Duration activeWithin();

    /** Retention looks at referred customers whose first purchase lies within this time before the month's end ... */
    @WithDefault("P365D")
    Duration retentionCohort();

    /** ... and at least this long before it, so each had time to come back. */
    @WithDefault("P90D")
    Duration retentionSettle();

    /** Share of active members who referred someone in the last {@link #activeWithin()}. */
    @WithDefault("0.30")
    @DecimalMin("0") @DecimalMax("1")
    double referralRateTarget();

    /** Share of the month's referred friends who have bought. */
    @WithDefault("0.60")
    @DecimalMin("0") @DecimalMax("1")
    double referralConversionTarget();

    /** Share of the cohort's referred customers who bought again. */
    @WithDefault("0.80")
    @DecimalMin("0") @DecimalMax("1")
    double referredRetentionTarget();
}
