package io.kinlink.member.service;

import java.time.Clock;
import java.util.UUID;

import io.kinlink.events.SatisfactionRecorded;
import io.kinlink.events.Topics;
import io.kinlink.member.Satisfaction;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.member.repository.PurchaseRepository;
import io.kinlink.member.repository.SatisfactionRepository;
import io.kinlink.member.repository.VisitRepository;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.platform.problem.ConflictProblem;
import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Scores for visits and purchases: one each, and only for the member's own. */
@ApplicationScoped
public class SatisfactionService {

    private final MemberRepository members;
    private final VisitRepository visits;
    private final PurchaseRepository purchases;
    private final SatisfactionRepository satisfactions;
    private final Outbox outbox;
    private final Clock clock;

    public SatisfactionService(MemberRepository members, VisitRepository visits, PurchaseRepository purchases,
                               SatisfactionRepository satisfactions, Outbox outbox, Clock clock) {
        this.members = members;
        this.visits = visits;
        this.purchases = purchases;
        this.satisfactions = satisfactions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param visitId or {@code purchaseId}: exactly one of them, belonging to the member */
    @Transactional
    public Satisfaction record(UUID memberId, UUID visitId, UUID purchaseId, int score, String complaint) {
        members.findForUpdate(memberId)
                .orElseThrow(() -> new NotFoundProblem("member-not-found", "No member " + memberId));
        boolean owned = visitId != null
                ? visits.findByIdOptional(visitId).filter(v -> v.memberId().equals(memberId)).isPresent()
                : purchases.findByIdOptional(purchaseId).filter(p -> p.memberId().equals(memberId)).isPresent();
        if (!owned) {
            throw new NotFoundProblem(visitId != null ? "visit-not-found" : "purchase-not-found",
                    "No " + (visitId != null ? "visit " + visitId : "purchase " + purchaseId) + " of member " + memberId);
        }
        if (satisfactions.scored(visitId, purchaseId)) {
            throw new ConflictProblem("already-scored", "This " + (visitId != null ? "visit" : "purchase")
                    + " has a score already");
        }
        Satisfaction satisfaction = new Satisfaction(memberId, visitId, purchaseId, score, complaint, clock.instant());
        satisfactions.persist(satisfaction);
        outbox.append(Topics.MEMBER_EVENTS, memberId.toString(), new SatisfactionRecorded(satisfaction.id(),
                memberId, score, complaint != null, satisfaction.recordedAt()));
        return satisfaction;
    }
}
