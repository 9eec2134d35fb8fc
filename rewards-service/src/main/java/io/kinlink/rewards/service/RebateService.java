package io.kinlink.rewards.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.kinlink.events.PointsCredited;
import io.kinlink.events.PurchaseAttributed;
import io.kinlink.events.PurchaseAttributed.ChainLink;
import io.kinlink.events.Topics;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.rewards.config.RewardsSettings;
import io.kinlink.rewards.ledger.AccountKind;
import io.kinlink.rewards.ledger.Ledger;
import io.kinlink.rewards.ledger.Posting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Pays referral rebates: a share of a referred member's purchase to each referrer above them,
 * as pending points that become available after the holding period.
 */
@ApplicationScoped
public class RebateService {

    static final Posting.Rule RULE = new Posting.Rule("referral-rebate", 1);
    static final String REASON = "REFERRAL_REBATE";

    private final Ledger ledger;
    private final Outbox outbox;
    private final RewardsSettings settings;

    public RebateService(Ledger ledger, Outbox outbox, RewardsSettings settings) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.settings = settings;
    }

    @Transactional(TxType.MANDATORY)
    public void onPurchaseAttributed(PurchaseAttributed purchase, UUID eventId) {
        List<Integer> rates = settings.rebate().levelRatesBasisPoints();
        for (ChainLink link : purchase.chain()) {
            if (link.level() > rates.size()) {
                continue;
            }
            int rate = rates.get(link.level() - 1);
            long points = pointsFor(purchase.amountFen(), settings.pointsPerCny(), rate);
            if (points > 0) {
                credit(purchase, eventId, link, rate, points);
            }
        }
    }

    /** Rounded down: a rebate never pays a fraction of a point more than the rule says. */
    static long pointsFor(long amountFen, int pointsPerCny, int rateBasisPoints) {
        return amountFen * pointsPerCny * rateBasisPoints / (100L * 10_000L);
    }

    private void credit(PurchaseAttributed purchase, UUID eventId, ChainLink link, int rate, long points) {
        var availableAt = purchase.occurredAt().plus(settings.holdingPeriod());
        Posting posting = new Posting(
                "rebate:purchase:" + purchase.purchaseId() + ":level:" + link.level(),
                link.memberId(), REASON,
                new Posting.Source("PURCHASE", purchase.purchaseId().toString(), eventId),
                RULE, link.level(),
                String.format("%s%% of a %s CNY purchase by your level-%d referral, pending until %s",
                        BigDecimal.valueOf(rate, 2).stripTrailingZeros().toPlainString(),
                        BigDecimal.valueOf(purchase.amountFen(), 2).toPlainString(), link.level(),
                        availableAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                purchase.occurredAt(),
                List.of(new Posting.Leg(null, AccountKind.PROGRAM_POINTS_ISSUED, -points, null),
                        new Posting.Leg(link.memberId(), AccountKind.MEMBER_POINTS_PENDING, points, availableAt)));
        ledger.post(posting).ifPresent(transaction -> outbox.append(Topics.REWARDS_EVENTS,
                link.memberId().toString(), new PointsCredited(link.memberId(), transaction, points, REASON,
                        "PURCHASE", purchase.purchaseId().toString(), link.level(), true, availableAt)));
    }
}
