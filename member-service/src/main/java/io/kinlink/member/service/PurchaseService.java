package io.kinlink.member.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.kinlink.events.Topics;
import io.kinlink.member.Member;
import io.kinlink.member.branch.Branches;
import io.kinlink.member.Purchase;
import io.kinlink.member.PurchaseItem;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.member.repository.PurchaseRepository;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.platform.problem.ConflictProblem;
import io.kinlink.platform.problem.NotFoundProblem;
import io.kinlink.platform.problem.RuleViolationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Purchases partners record for members; idempotent by the partner's transaction id. */
@ApplicationScoped
public class PurchaseService {

    private final MemberRepository members;
    private final PurchaseRepository purchases;
    private final NetSpend netSpend;
    private final Outbox outbox;
    private final Clock clock;
    private final Branches branches;

    public PurchaseService(MemberRepository members, PurchaseRepository purchases, NetSpend netSpend, Outbox outbox,
                           Clock clock, Branches branches) {
        this.branches = branches;
        this.members = members;
        this.purchases = purchases;
        this.netSpend = netSpend;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Records a purchase once. The same transaction id with the same content returns the purchase
     * recorded first and publishes nothing new; with different content it is a conflict.
     */
    @Transactional
    public RecordedPurchase record(NewPurchase request) {
        branches.requireKnown("branch", request.branch());
        Member member = members.findForUpdate(request.memberId())
                .orElseThrow(() -> new NotFoundProblem("member-not-found", "No member " + request.memberId()));
        if (!member.canRecordActivity()) {
            throw new RuleViolationProblem("member-not-active", "Member " + member.id() + " is " + member.status());
        }
        Instant now = clock.instant();
        String fingerprint = request.fingerprint();
        Instant occurredAt = request.occurredAt() == null ? now : request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        Purchase purchase = new Purchase(member.id(), request.externalTransactionId(), request.amountFen(),
                request.branch(), occurredAt, now, fingerprint, request.items());
        if (purchases.insertIfAbsent(purchase)) {
            outbox.append(Topics.MEMBER_EVENTS, member.id().toString(), MemberEvents.recorded(purchase));
            netSpend.add(member, purchase.amountFen(), purchase.occurredAt());
            return new RecordedPurchase(purchase, true);
        }
        Purchase first = purchases.findByExternalTransactionId(request.branch(),
                request.externalTransactionId()).orElseThrow();
        if (!first.sameRequestAs(fingerprint)) {
            throw new ConflictProblem("transaction-id-reused",
                    "Transaction " + request.externalTransactionId() + " was recorded before with different content");
        }
        return new RecordedPurchase(first, false);
    }

    /** A purchase as a partner submits it; {@code occurredAt} may be left out to mean now. */
    public record NewPurchase(UUID memberId, String externalTransactionId, long amountFen, String branch,
                              Instant occurredAt, List<PurchaseItem> items) {

        String fingerprint() {
            return Fingerprint.of(memberId, externalTransactionId, amountFen, branch, occurredAt, items);
        }
    }

    /** @param created false when this was a retry of a purchase recorded before */
    public record RecordedPurchase(Purchase purchase, boolean created) {
    }
}
