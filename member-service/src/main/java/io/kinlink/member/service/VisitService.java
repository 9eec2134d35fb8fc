package io.kinlink.member.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.kinlink.events.Topics;
import io.kinlink.events.VisitRecorded;
import io.kinlink.member.Member;
import io.kinlink.member.branch.Branches;
import io.kinlink.member.Visit;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.member.repository.VisitRepository;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.platform.problem.ConflictProblem;
import io.kinlink.platform.problem.NotFoundProblem;
import io.kinlink.platform.problem.RuleViolationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Check-ins partners record; idempotent by the partner's visit id. */
@ApplicationScoped
public class VisitService {

    private final MemberRepository members;
    private final VisitRepository visits;
    private final Outbox outbox;
    private final Clock clock;
    private final Branches branches;

    public VisitService(MemberRepository members, VisitRepository visits, Outbox outbox, Clock clock,
                        Branches branches) {
        this.branches = branches;
        this.members = members;
        this.visits = visits;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public RecordedVisit record(NewVisit request) {
        branches.requireKnown("branch", request.branch());
        String fingerprint = Fingerprint.of(request.memberId(), request.branch(), request.occurredAt());
        Member member = members.findForUpdate(request.memberId())
                .orElseThrow(() -> new NotFoundProblem("member-not-found", "No member " + request.memberId()));
        var earlier = visits.findByExternalVisitId(request.branch(), request.externalVisitId());
        if (earlier.isPresent()) {
            if (!earlier.get().sameRequestAs(fingerprint)) {
                throw new ConflictProblem("visit-id-reused",
                        "Visit " + request.externalVisitId() + " was recorded before with different content");
            }
            return new RecordedVisit(earlier.get(), false);
        }
        if (!member.canRecordActivity()) {
            throw new RuleViolationProblem("member-not-active", "Member " + member.id() + " is " + member.status());
        }
        Instant now = clock.instant();
        Instant occurredAt = request.occurredAt() == null ? now : request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        Visit visit = new Visit(member.id(), request.externalVisitId(), request.branch(), occurredAt, now, fingerprint);
        visits.persist(visit);
        member.recordVisit(occurredAt);
        outbox.append(Topics.MEMBER_EVENTS, member.id().toString(),
                new VisitRecorded(visit.id(), member.id(), visit.branch(), occurredAt));
        return new RecordedVisit(visit, true);
    }

    public record NewVisit(UUID memberId, String externalVisitId, String branch, Instant occurredAt) {
    }

    public record RecordedVisit(Visit visit, boolean created) {
    }
}
