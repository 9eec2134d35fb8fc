package io.kinlink.rewards.kpi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;

/** What the incentive KPIs aim for (README "KPIs"); months are the budget's ({@code kinlink.rewards.zone}). */
@ConfigMapping(prefix = "kinlink.kpis")
public interface KpiSettings {

    /** Incentive spend should stay within this share of net revenue. */
    @WithDefault("0.10")
    @DecimalMin("0") @DecimalMax("1")
    double incentiveShareTarget();

    /** What winning a customer through referrals should cost at most, in fen. */
    @WithDefault("20000")
    @Positive
    long acquisitionCostTargetFen();

    /** What winning a customer costs through the group's other channels, in fen, until operators set it. */
    @WithDefault("50000")
    @Positive
    long otherChannelAcquisitionCostFen();
}
