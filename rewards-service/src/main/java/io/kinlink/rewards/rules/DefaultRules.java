package io.kinlink.rewards.rules;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.rewards.config.RewardsSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Gives a new installation the standing rules, from configuration, as version 1 in force since
 * the beginning of time (so events of any age are rewarded by a rule). Operators change them
 * through the rules API afterwards; a rule that has any version is never touched here.
 */
@ApplicationScoped
public class DefaultRules {

    private final RuleRepository rules;
    private final RewardsSettings settings;
    private final RuleTemplateRepository templates;
    private final ObjectMapper mapper;
    private final Clock clock;

    DefaultRules(RuleRepository rules, RewardsSettings settings, RuleTemplateRepository templates, ObjectMapper mapper,
                        Clock clock) {
        this.rules = rules;
        this.settings = settings;
        this.templates = templates;
        this.mapper = mapper;
        this.clock = clock;
    }

    void seed(@Observes StartupEvent started) {
        QuarkusTransaction.requiringNew().run(this::seedStandingRules);
    }

    private void seedStandingRules() {
        RewardsSettings.Defaults defaults = settings.defaults();
        seed(RuleKind.REFERRAL_REBATE, new RuleKind.RebateParams(settings.rebate().levelRatesBasisPoints(),
                defaults.vipLevelRatesBasisPoints(), defaults.vipMinQualifiedReferrals()));
        seed(RuleKind.REFERRAL_QUALIFIED_COUPON, new RuleKind.CouponParams(template("Referral thank-you",
                defaults.qualifiedCouponFen(), defaults.couponValidDays())));
        seed(RuleKind.OWN_SPEND_POINTS, new RuleKind.OwnSpendParams(defaults.ownSpendPointsPerCny()));
        seed(RuleKind.SPEND_MILESTONE_COUPON, new RuleKind.MilestoneParams(defaults.milestoneEveryFen(),
                template("Spend milestone", defaults.milestoneCouponFen(), defaults.couponValidDays())));
        seed(RuleKind.ORDER_CAP, new RuleKind.OrderCapParams(defaults.orderCapBasisPoints()));
        seed(RuleKind.BUDGET_CAP, new RuleKind.BudgetCapParams(settings.budgetShareBasisPoints(),
                defaults.budgetMinimumFen()));
    }

    private void seed(RuleKind kind, Object params) {
        try {
            rules.appendIfAbsent(new RuleVersion(kind.fixedId(), 0, kind, mapper.writeValueAsString(params),
                    Instant.EPOCH, null, clock.instant(), "default from configuration"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A default coupon template with a stable id, made once. */
    private UUID template(String name, long faceValueFen, int validDays) {
        UUID id = UUID.nameUUIDFromBytes(("kinlink-default-template:" + name).getBytes(StandardCharsets.UTF_8));
        templates.createIfAbsent(id, name, faceValueFen, validDays, clock.instant());
        return id;
    }
}
