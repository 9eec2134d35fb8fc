package io.kinlink.rewards.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.events.PurchaseAttributed;
import io.kinlink.events.PurchaseAttributed.ChainLink;
import io.kinlink.rewards.budget.Budget;
import io.kinlink.rewards.config.RewardsSettings;
import io.kinlink.rewards.gate.Reward;
import io.kinlink.rewards.gate.RewardGate;
import io.kinlink.rewards.ledger.AccountKind;
import io.kinlink.rewards.ledger.Posting;
import io.kinlink.rewards.metrics.RewardsMetrics;
import io.kinlink.rewards.repository.PurchaseRecordRepository;
import io.kinlink.rewards.repository.QualifiedReferralRepository;
import io.kinlink.rewards.rules.ActiveRules;
import io.kinlink.rewards.rules.AppliedRule;
import io.kinlink.rewards.rules.RuleBook;
import io.kinlink.rewards.rules.RuleKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * What a purchase earns, by the rules in force when it was made: rebates for the referrers above
 * the buyer (VIP rates for heavy referrers, multiplied by a campaign, scaled down to the per-order
 * cap), points for the buyer's own spend, and milestone coupons for their cumulative spend. Each
 * goes through the budget gate, which pays it or holds it.
 */
@ApplicationScoped
public class PurchaseRewards {

    public static final String REBATE = "REFERRAL_REBATE";
    public static final String OWN_SPEND = "OWN_SPEND";
    private static final Duration VIP_LOOKBACK = Duration.ofDays(365);

    private final RewardGate gate;
    private final RuleBook ruleBook;
    private final MilestoneCoupons milestones;
    private final RewardsSettings settings;
    private final PurchaseRecordRepository purchases;
    private final QualifiedReferralRepository qualifications;
    private final RewardsMetrics metrics;
    private final Budget budget;

    public PurchaseRewards(RewardGate gate, RuleBook ruleBook, MilestoneCoupons milestones, RewardsSettings settings,
                           PurchaseRecordRepository purchases, QualifiedReferralRepository qualifications,
                           RewardsMetrics metrics, Budget budget) {
        this.budget = budget;
        this.gate = gate;
        this.ruleBook = ruleBook;
        this.milestones = milestones;
        this.settings = settings;
        this.purchases = purchases;
        this.qualifications = qualifications;
        this.metrics = metrics;
    }

    @Transactional(TxType.MANDATORY)
    public void onPurchaseAttributed(PurchaseAttributed purchase, UUID eventId) {
        boolean firstSight = recordPurchase(purchase);
        ActiveRules rules = ruleBook.at(purchase.occurredAt());
        rules.rebate().ifPresent(rebate -> payRebates(purchase, eventId, rules, rebate));
        rules.ownSpend().ifPresent(ownSpend -> payOwnSpend(purchase, eventId, rules, ownSpend));
        if (firstSight) {
            metrics.purchaseRewarded(purchase.recordedAt());
            rules.milestone().ifPresent(milestone -> milestones.onSpend(purchase.memberId(), purchase.purchaseId(),
                    purchase.occurredAt(), milestone));
        }
    }

    /** Keeps the purchase for revenue and cumulative spend; false when it was seen before. */
    private boolean recordPurchase(PurchaseAttributed purchase) {
        boolean first = purchases.insert(purchase.purchaseId(), purchase.memberId(), purchase.amountFen(),
                purchase.occurredAt(), purchase.branch());
        if (first) {
            budget.countRevenue(purchase.occurredAt(), purchase.amountFen());
        }
        return first;
    }

    private void payRebates(PurchaseAttributed purchase, UUID eventId, ActiveRules rules,
                            AppliedRule<RuleKind.RebateParams> rebate) {
        int multiplier = rules.multiplierPercentFor(RuleKind.REFERRAL_REBATE);
        List<LevelRebate> levels = new ArrayList<>();
        for (ChainLink link : purchase.chain()) {
            boolean vip = isVip(link.memberId(), purchase.occurredAt(), rebate.params().vipMinQualifiedReferrals());
            List<Integer> table = vip ? rebate.params().vipLevelRatesBasisPoints() : rebate.params().levelRatesBasisPoints();
            if (link.level() <= table.size()) {
                int rate = table.get(link.level() - 1);
                levels.add(new LevelRebate(link, rate, vip, RebateCalculator.pointsFor(purchase.amountFen(),
                        settings.pointsPerCny(), rate, multiplier)));
            }
        }
        Optional<AppliedRule<RuleKind.OrderCapParams>> cap = rules.orderCap();
        List<Long> computed = levels.stream().map(LevelRebate::points).toList();
        List<Long> paid = cap.map(c -> RebateCalculator.capped(computed, RebateCalculator.capPoints(
                purchase.amountFen(), settings.pointsPerCny(), c.params().maxShareBasisPoints()))).orElse(computed);
        for (int i = 0; i < levels.size(); i++) {
            if (paid.get(i) > 0) {
                boolean capped = paid.get(i) < computed.get(i);
                creditPending(purchase, eventId, levels.get(i).link(), rebate, paid.get(i),
                        explainRebate(purchase, levels.get(i), rebate, rules, capped ? cap : Optional.empty()));
            }
        }
    }

    /** One level's rebate before the cap. */
    private record LevelRebate(ChainLink link, int rateBasisPoints, boolean vip, long points) {
    }

    private void creditPending(PurchaseAttributed purchase, UUID eventId, ChainLink link,
                               AppliedRule<RuleKind.RebateParams> rebate, long points, String why) {
        Instant availableAt = purchase.occurredAt().plus(settings.holdingPeriod());
        Posting posting = new Posting("rebate:purchase:" + purchase.purchaseId() + ":level:" + link.level(),
                link.memberId(), REBATE, new Posting.Source("PURCHASE", purchase.purchaseId().toString(), eventId),
                rebate.rule(), link.level(), why + ", pending until " + availableAt.truncatedTo(ChronoUnit.SECONDS),
                purchase.occurredAt(),
                List.of(new Posting.Leg(null, AccountKind.PROGRAM_POINTS_ISSUED, -points, null),
                        new Posting.Leg(link.memberId(), AccountKind.MEMBER_POINTS_PENDING, points, availableAt)));
        gate.grant(new Reward.Points(posting, points, true, availableAt, purchase.purchaseId()));
    }

    /** Own-spend points are the buyer's at once (no referral to hold them for), in a lot of their own. */
    private void payOwnSpend(PurchaseAttributed purchase, UUID eventId, ActiveRules rules,
                             AppliedRule<RuleKind.OwnSpendParams> ownSpend) {
        int multiplier = rules.multiplierPercentFor(RuleKind.OWN_SPEND_POINTS);
        long points = Math.multiplyExact(purchase.amountFen(), (long) ownSpend.params().pointsPerCny()) * multiplier
                / (100L * 100L);
        if (points <= 0) {
            return;
        }
        UUID buyer = purchase.memberId();
        String why = String.format("%d points per CNY (%s) on your %s CNY purchase%s", ownSpend.params().pointsPerCny(),
                ownSpend.label(), cny(purchase.amountFen()), campaignNote(rules, RuleKind.OWN_SPEND_POINTS));
        Posting posting = new Posting("own-spend:purchase:" + purchase.purchaseId(), buyer, OWN_SPEND,
                new Posting.Source("PURCHASE", purchase.purchaseId().toString(), eventId), ownSpend.rule(), null, why,
                purchase.occurredAt(),
                List.of(new Posting.Leg(null, AccountKind.PROGRAM_POINTS_ISSUED, -points, null),
                        new Posting.Leg(buyer, AccountKind.MEMBER_POINTS_AVAILABLE, points, null)));
        gate.grant(new Reward.Points(posting, points, false, purchase.occurredAt(), purchase.purchaseId()));
    }

    /** A VIP referrer has enough referrals that qualified in the year before the purchase and still count. */
    private boolean isVip(UUID referrer, Instant at, int threshold) {
        long qualified = qualifications.countStanding(referrer, at.minus(VIP_LOOKBACK), at);
        return qualified >= threshold;
    }

    private static String explainRebate(PurchaseAttributed purchase, LevelRebate level,
                                        AppliedRule<RuleKind.RebateParams> rebate, ActiveRules rules,
                                        Optional<AppliedRule<RuleKind.OrderCapParams>> capApplied) {
        return String.format("%s%% (%s%s) of a %s CNY purchase by your level-%d referral%s%s",
                percent(level.rateBasisPoints()), rebate.label(), level.vip() ? ", VIP rate" : "",
                cny(purchase.amountFen()), level.link().level(), campaignNote(rules, RuleKind.REFERRAL_REBATE),
                capApplied.map(cap -> ", scaled down to the per-order cap of "
                        + percent(cap.params().maxShareBasisPoints()) + "% (" + cap.label() + ")").orElse(""));
    }

    private static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
    }

    private static String campaignNote(ActiveRules rules, RuleKind kind) {
        return rules.campaignFor(kind).map(c -> ", x" + percent(c.params().multiplierPercent()) + " (" + c.label() + ")")
                .orElse("");
    }

    private static String cny(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
