package io.kinlink.rewards.redemption;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.events.PointsRedeemed;
import io.kinlink.events.Topics;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.platform.problem.ConflictProblem;
import io.kinlink.platform.problem.RuleViolationProblem;
import io.kinlink.rewards.ledger.AccountKind;
import io.kinlink.rewards.ledger.Ledger;
import io.kinlink.rewards.ledger.Posting;
import io.kinlink.rewards.lots.PointsLots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Pays with points at a till. Under the member's lock: the till's transaction id answers a retry
 * with the first result; the balance is checked and the oldest lots are spent in one transaction,
 * so concurrent redemptions can never overdraw.
 */
@ApplicationScoped
public class PointsRedemption {

    public static final String REASON = "REDEEMED_AT_TILL";

    private final RedemptionRepository repository;
    private final Ledger ledger;
    private final PointsLots lots;
    private final Outbox outbox;
    private final Clock clock;

    PointsRedemption(RedemptionRepository repository, Ledger ledger, PointsLots lots, Outbox outbox, Clock clock) {
        this.repository = repository;
        this.ledger = ledger;
        this.lots = lots;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The redemption, and whether it was made now (false: the till sent it before). */
    @Transactional
    public Result redeem(UUID member, RedeemPointsRequest request) {
        ledger.lockMember(member);
        Optional<RedemptionResponse> earlier = repository.find(request.branch(), request.externalTransactionId());
        if (earlier.isPresent()) {
            return new Result(sameAs(earlier.get(), member, request), false);
        }
        long available = ledger.balance(member, AccountKind.MEMBER_POINTS_AVAILABLE);
        if (available < request.points()) {
            throw new RuleViolationProblem("insufficient-points",
                    "The member has " + available + " points available, fewer than the " + request.points() + " asked");
        }
        Instant now = clock.instant();
        String idempotencyKey = "redeem:" + request.branch() + ":" + request.externalTransactionId();
        UUID transaction = ledger.post(new Posting(idempotencyKey, member, REASON,
                new Posting.Source("REDEMPTION", request.externalTransactionId(), null), null, null,
                request.points() + " points paid at " + request.branch(), now,
                List.of(new Posting.Leg(member, AccountKind.MEMBER_POINTS_AVAILABLE, -request.points(), null),
                        new Posting.Leg(null, AccountKind.PROGRAM_POINTS_REDEEMED, request.points(), null))))
                .orElseThrow(() -> new IllegalStateException("Redemption " + request.externalTransactionId()
                        + " posted without a redemption row"));
        lots.take(member, request.points());
        RedemptionResponse redemption = new RedemptionResponse(UUID.randomUUID(), member,
                request.externalTransactionId(), request.points(), request.branch(), now, available - request.points());
        repository.insert(redemption, transaction);
        outbox.append(Topics.REWARDS_EVENTS, member.toString(), new PointsRedeemed(member, redemption.id(), transaction,
                request.points(), request.externalTransactionId(), request.branch(), now));
        return new Result(redemption, true);
    }

    /** The same till transaction again must be the same redemption; anything else is a conflict. */
    private static RedemptionResponse sameAs(RedemptionResponse earlier, UUID member, RedeemPointsRequest request) {
        if (!earlier.memberId().equals(member) || earlier.points() != request.points()) {
            throw new ConflictProblem("redemption-conflict", "Till transaction " + request.externalTransactionId()
                    + " was already used for a different redemption");
        }
        return earlier;
    }

    public record Result(RedemptionResponse redemption, boolean created) {
    }
}
