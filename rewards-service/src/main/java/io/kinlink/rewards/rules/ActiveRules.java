package io.kinlink.rewards.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The rules in force at one moment. */
public record ActiveRules(
        Optional<AppliedRule<RuleKind.RebateParams>> rebate,
        Optional<AppliedRule<RuleKind.CouponParams>> qualifiedCoupon,
        Optional<AppliedRule<RuleKind.WelcomeParams>> welcomeCoupon,
        Optional<AppliedRule<RuleKind.OwnSpendParams>> ownSpend,
        Optional<AppliedRule<RuleKind.MilestoneParams>> milestone,
        Optional<AppliedRule<RuleKind.OrderCapParams>> orderCap,
        Optional<AppliedRule<RuleKind.BudgetCapParams>> budgetCap,
        List<AppliedRule<RuleKind.CampaignParams>> campaigns) {

    /** The campaign that multiplies {@code kind} most at this moment, if any; campaigns do not stack. */
    public Optional<AppliedRule<RuleKind.CampaignParams>> campaignFor(RuleKind kind) {
        return campaigns.stream()
                .filter(campaign -> campaign.params().appliesTo().contains(kind))
                .max(Comparator.comparingInt((AppliedRule<RuleKind.CampaignParams> campaign) ->
                        campaign.params().multiplierPercent()));
    }

    public int multiplierPercentFor(RuleKind kind) {
        return campaignFor(kind).map(campaign -> campaign.params().multiplierPercent()).orElse(100);
    }
}
