package io.kinlink.rewards.rules;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What a rule does, and the parameters it takes. The standing rules have fixed ids, one of
 * each; campaigns are any number of rules of their own ids.
 */
public enum RuleKind {
    REFERRAL_REBATE("referral-rebate", RebateParams.class),
    REFERRAL_QUALIFIED_COUPON("referral-qualified-coupon", CouponParams.class),
    REFEREE_WELCOME_COUPON("referee-welcome-coupon", WelcomeParams.class),
    OWN_SPEND_POINTS("own-spend-points", OwnSpendParams.class),
    SPEND_MILESTONE_COUPON("spend-milestone-coupon", MilestoneParams.class),
    ORDER_CAP("order-cap", OrderCapParams.class),
    BUDGET_CAP("budget-cap", BudgetCapParams.class),
    CAMPAIGN_MULTIPLIER(null, CampaignParams.class);

    private final String fixedId;
    private final Class<?> params;

    RuleKind(String fixedId, Class<?> params) {
        this.fixedId = fixedId;
        this.params = params;
    }

    /** The id a standing rule always has; null for campaigns. */
    public String fixedId() {
        return fixedId;
    }

    Class<?> paramsType() {
        return params;
    }

    /**
     * Points on a referred member's purchases, per level in basis points of the amount; VIP
     * referrers (enough qualified referrals in the last twelve months) earn the VIP rates.
     */
    public record RebateParams(@NotEmpty @Size(max = 3) List<@NotNull @PositiveOrZero @Max(10_000) Integer> levelRatesBasisPoints,
                               @NotEmpty @Size(max = 3) List<@NotNull @PositiveOrZero @Max(10_000) Integer> vipLevelRatesBasisPoints,
                               @NotNull @Positive Integer vipMinQualifiedReferrals) {
    }

    /** A coupon of this template for the referrer when a referral qualifies. */
    public record CouponParams(@NotNull UUID couponTemplateId) {
    }

    /** When the referred friend's welcome coupon is given: on joining through a referral, or on their first visit. */
    public enum WelcomeTrigger { JOIN, FIRST_VISIT }

    /**
     * The two-sided referral: a coupon of this template for the friend who joins with a member's
     * code, on joining or on their first visit; voided while unused if the referral is reversed.
     */
    public record WelcomeParams(@NotNull UUID couponTemplateId, @NotNull WelcomeTrigger on) {
    }

    /** Points for a member's own purchases, per CNY spent, available at once. */
    public record OwnSpendParams(@NotNull @PositiveOrZero @Max(1_000) Integer pointsPerCny) {
    }

    /** A coupon of this template for every {@code everyFen} of a member's cumulative net spend. */
    public record MilestoneParams(@NotNull @Positive Long everyFen, @NotNull UUID couponTemplateId) {
    }

    /** The most one order may pay out in points across all levels, in basis points of the order. */
    public record OrderCapParams(@NotNull @PositiveOrZero @Max(10_000) Integer maxShareBasisPoints) {
    }

    /**
     * Incentives issued in a calendar month may not pass this share of its revenue, or the minimum
     * when that is more (a launch budget); the version in force when the month starts applies.
     */
    public record BudgetCapParams(@NotNull @PositiveOrZero @Max(10_000) Integer shareBasisPoints,
                                  @NotNull @PositiveOrZero Long minimumFen) {
    }

    /** Multiplies the points of the named rules while in force (200 = double points). */
    public record CampaignParams(@NotNull @Min(100) @Max(1_000) Integer multiplierPercent,
                                 @NotEmpty List<@NotNull @Valid RuleKind> appliesTo) {
    }
}
