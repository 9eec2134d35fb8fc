package io.kinlink.rewards.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * Which rules apply at a moment: per rule id, the highest version in force then. Rewards are
 * computed with the rules in force when the purchase happened, so a replay pays the same.
 */
@ApplicationScoped
public class RuleBook {

    private final RuleRepository rules;
    private final ObjectMapper mapper;

    public RuleBook(RuleRepository rules, ObjectMapper mapper) {
        this.rules = rules;
        this.mapper = mapper;
    }

    @Transactional(TxType.MANDATORY)
    public ActiveRules at(Instant moment) {
        Map<String, Optional<RuleVersion>> current = rules.all().stream()
                .filter(version -> version.inForceAt(moment))
                .collect(Collectors.groupingBy(RuleVersion::ruleId,
                        Collectors.maxBy(Comparator.comparingInt(RuleVersion::version))));
        List<RuleVersion> inForce = current.values().stream().flatMap(Optional::stream).toList();
        List<AppliedRule<RuleKind.CampaignParams>> campaigns = new ArrayList<>();
        inForce.stream().filter(version -> version.kind() == RuleKind.CAMPAIGN_MULTIPLIER)
                .forEach(version -> campaigns.add(applied(version, RuleKind.CampaignParams.class)));
        return new ActiveRules(
                standing(inForce, RuleKind.REFERRAL_REBATE, RuleKind.RebateParams.class),
                standing(inForce, RuleKind.REFERRAL_QUALIFIED_COUPON, RuleKind.CouponParams.class),
                standing(inForce, RuleKind.REFEREE_WELCOME_COUPON, RuleKind.WelcomeParams.class),
                standing(inForce, RuleKind.OWN_SPEND_POINTS, RuleKind.OwnSpendParams.class),
                standing(inForce, RuleKind.SPEND_MILESTONE_COUPON, RuleKind.MilestoneParams.class),
                standing(inForce, RuleKind.ORDER_CAP, RuleKind.OrderCapParams.class),
                standing(inForce, RuleKind.BUDGET_CAP, RuleKind.BudgetCapParams.class),
                List.copyOf(campaigns));
    }

    private <P> Optional<AppliedRule<P>> standing(List<RuleVersion> inForce, RuleKind kind, Class<P> type) {
        return inForce.stream().filter(version -> version.ruleId().equals(kind.fixedId())).findFirst()
                .map(version -> applied(version, type));
    }

    private <P> AppliedRule<P> applied(RuleVersion version, Class<P> type) {
        try {
            return new AppliedRule<>(version, mapper.readValue(version.params(), type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored rule " + version.ruleId() + " v" + version.version()
                    + " does not read as " + type.getSimpleName(), e);
        }
    }
}
