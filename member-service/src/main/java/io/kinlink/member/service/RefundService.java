package io.kinlink.member.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.kinlink.events.RefundRecorded;
import io.kinlink.events.Topics;
import io.kinlink.member.Member;
import io.kinlink.member.Purchase;
import io.kinlink.member.Refund;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.member.repository.PurchaseRepository;
import io.kinlink.member.repository.RefundRepository;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.platform.problem.ConflictProblem;
import io.kinlink.platform.problem.NotFoundProblem;
import io.kinlink.platform.problem.Problem;
import io.kinlink.platform.problem.RuleViolationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Refunds partners record; idempotent by the partner's refund id, never beyond what is left of the purchase. */
@ApplicationScoped
public class RefundService {

    private final PurchaseRepository purchases;
    private final RefundRepository refunds;
    private final MemberRepository members;
    private final NetSpend netSpend;
    private final Outbox outbox;
    private final Clock clock;

    public RefundService(PurchaseRepository purchases, RefundRepository refunds, MemberRepository members,
                         NetSpend netSpend, Outbox outbox, Clock clock) {
        this.purchases = purchases;
        this.refunds = refunds;
        this.members = members;
        this.netSpend = netSpend;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public RecordedRefund record(NewRefund request) {
        String fingerprint = Fingerprint.of(request.purchaseId(), request.amountFen(), request.reason(),
                request.occurredAt());
        Purchase purchase = purchases.findByIdOptional(request.purchaseId())
                .orElseThrow(() -> new NotFoundProblem("purchase-not-found", "No purchase " + request.purchaseId()));
        var earlier = refunds.findByExternalRefundId(purchase.branch(), request.externalRefundId());
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint, request);
        }
        // Lock order member, then purchase: the same as recording a purchase, so the two never deadlock.
        Member member = members.findForUpdate(purchase.memberId()).orElseThrow();
        purchases.findForUpdate(purchase.id());
        earlier = refunds.findByExternalRefundId(purchase.branch(), request.externalRefundId());
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint, request);
        }
        long alreadyRefunded = refunds.refundedFen(purchase.id());
        long left = purchase.amountFen() - alreadyRefunded;
        if (request.amountFen() > left) {
            throw new RuleViolationProblem("refund-exceeds-purchase", "Only " + left + " fen of purchase "
                    + purchase.id() + " are left to refund", List.of(
                    new Problem.FieldError("amountFen", "must be at most " + left)));
        }
        Instant now = clock.instant();
        Instant occurredAt = request.occurredAt() == null ? now : request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        Refund refund = new Refund(purchase, request.externalRefundId(), request.amountFen(), request.reason(),
                occurredAt, now, fingerprint);
        refunds.persist(refund);
        outbox.append(Topics.MEMBER_EVENTS, member.id().toString(), new RefundRecorded(refund.id(), purchase.id(),
                member.id(), refund.externalRefundId(), refund.amountFen(), purchase.amountFen(),
                alreadyRefunded + refund.amountFen(), occurredAt));
        netSpend.add(member, -refund.amountFen(), occurredAt);
        return new RecordedRefund(refund, true);
    }

    private static RecordedRefund replay(Refund earlier, String fingerprint, NewRefund request) {
        if (!earlier.sameRequestAs(fingerprint)) {
            throw new ConflictProblem("refund-id-reused",
                    "Refund " + request.externalRefundId() + " was recorded before with different content");
        }
        return new RecordedRefund(earlier, false);
    }

    public record NewRefund(UUID purchaseId, String externalRefundId, long amountFen, String reason,
                            Instant occurredAt) {
    }

    public record RecordedRefund(Refund refund, boolean created) {
    }
}
