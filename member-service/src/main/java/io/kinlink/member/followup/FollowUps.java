package io.kinlink.member.followup;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.events.RefundRecorded;
import io.kinlink.events.SatisfactionRecorded;
import io.kinlink.events.VisitRecorded;
import io.kinlink.member.branch.Branches;
import io.kinlink.member.config.FollowUpSettings;
import io.kinlink.platform.outbox.Appended;
import io.kinlink.platform.problem.ConflictProblem;
import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The follow-up calls staff owe (回访), made in the transaction of what called for them: a refund,
 * a low score or a complaint, a referred customer's first visit (from this service's own events as
 * they are written), and a referral that qualified (from the referral topic). One per cause, so a
 * retry or a replay makes none twice; each goes to the member's branch.
 */
@ApplicationScoped
public class FollowUps {

    private final FollowUpRepository repository;
    private final FollowUpSettings settings;
    private final Clock clock;
    private final Branches branches;

    FollowUps(FollowUpRepository repository, FollowUpSettings settings, Clock clock, Branches branches) {
        this.branches = branches;
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    /** Follows up on this service's events in the transaction that writes them. */
    void onRecorded(@Observes Appended appended) {
        if (appended.event() instanceof RefundRecorded refund) {
            create(FollowUpTrigger.REFUND, refund.memberId(), refund.refundId().toString());
        } else if (appended.event() instanceof SatisfactionRecorded score
                && (score.complaint() || score.score() <= settings.lowScore())) {
            create(FollowUpTrigger.LOW_SATISFACTION, score.memberId(), score.satisfactionId().toString());
        } else if (appended.event() instanceof VisitRecorded visit && repository.referredOnFirstVisit(visit.memberId())) {
            create(FollowUpTrigger.REFERRED_FIRST_VISIT, visit.memberId(), visit.memberId().toString());
        }
    }

    /** Makes the follow-up of a cause unless it exists; assigned to the member's branch. */
    @Transactional(TxType.MANDATORY)
    public void create(FollowUpTrigger trigger, UUID member, String cause) {
        Instant now = clock.instant();
        repository.create(trigger, cause, member, now, now.plus(settings.dueAfter()));
    }

    @Transactional
    public FollowUpView.Page list(Optional<String> branch, Optional<String> status, boolean overdueOnly, int page,
                                  int size) {
        branch.ifPresent(value -> branches.requireKnown("branch", value));
        Instant now = clock.instant();
        long total = repository.count(branch, status, overdueOnly, now);
        long overdueCount = repository.count(branch, status, true, now);
        return new FollowUpView.Page(total, overdueCount, page, size,
                repository.page(branch, status, overdueOnly, now, page, size));
    }

    /** Closes an open follow-up with what came of it; 409 when it was closed before. */
    @Transactional
    public FollowUpView close(UUID id, FollowUpOutcome outcome, String note, String by) {
        FollowUpStatus status = repository.lockStatus(id)
                .orElseThrow(() -> new NotFoundProblem("follow-up-not-found", "No follow-up " + id));
        if (status != FollowUpStatus.OPEN) {
            throw new ConflictProblem("follow-up-closed", "Follow-up " + id + " was closed before");
        }
        repository.close(id, outcome, note, clock.instant(), by);
        return repository.get(id, clock.instant());
    }

    /** How many open follow-ups are past due, all branches together. */
    @Transactional
    public long overdueCount() {
        return repository.count(Optional.empty(), Optional.empty(), true, clock.instant());
    }
}
