package io.kinlink.member.followup;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.events.RefundRecorded;
import io.kinlink.events.SatisfactionRecorded;
import io.kinlink.events.VisitRecorded;
import io.kinlink.member.branch.Branches;
import io.kinlink.member.config.FollowUpSettings;
import io.kinlink.platform.SqlTimes;
import io.kinlink.platform.outbox.Appended;
import io.kinlink.platform.problem.ConflictProblem;
import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
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

    private static final String COLUMNS = "id, trigger, member_id, branch, created_at, due_at, status, outcome, note, "
            + "closed_at, closed_by";

    private final EntityManager em;
    private final FollowUpSettings settings;
    private final Clock clock;
    private final Branches branches;

    public FollowUps(EntityManager em, FollowUpSettings settings, Clock clock, Branches branches) {
        this.branches = branches;
        this.em = em;
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
        } else if (appended.event() instanceof VisitRecorded visit && referredOnFirstVisit(visit.memberId())) {
            create(FollowUpTrigger.REFERRED_FIRST_VISIT, visit.memberId(), visit.memberId().toString());
        }
    }

    /** Makes the follow-up of a cause unless it exists; assigned to the member's branch. */
    @Transactional(TxType.MANDATORY)
    public void create(FollowUpTrigger trigger, UUID member, String cause) {
        Instant now = clock.instant();
        em.createNativeQuery("""
                        insert into follow_up (id, source_key, trigger, member_id, branch, created_at, due_at, status)
                        select ?1, ?2, ?3, m.id, m.branch, ?4, ?5, 'OPEN' from member m where m.id = ?6
                        on conflict (source_key) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, trigger.name() + ":" + cause)
                .setParameter(3, trigger.name()).setParameter(4, now).setParameter(5, now.plus(settings.dueAfter()))
                .setParameter(6, member).executeUpdate();
    }

    @Transactional
    public FollowUpView.Page list(Optional<String> branch, Optional<String> status, boolean overdueOnly, int page,
                                  int size) {
        branch.ifPresent(value -> branches.requireKnown("branch", value));
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder(" where true");
        branch.ifPresent(value -> where.append(" and branch = :branch"));
        status.ifPresent(value -> where.append(" and status = :status"));
        String overdue = " and status = 'OPEN' and due_at < :now";
        long total = count("select count(*) from follow_up" + where + (overdueOnly ? overdue : ""), branch, status, now);
        long overdueCount = count("select count(*) from follow_up" + where + overdue, branch, status, now);
        var query = em.createNativeQuery("select " + COLUMNS + " from follow_up" + where + (overdueOnly ? overdue : "")
                + " order by status desc, due_at, id limit :size offset :offset");
        bind(query, branch, status, now, overdueOnly);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setParameter("size", size).setParameter("offset", (long) page * size)
                .getResultList();
        return new FollowUpView.Page(total, overdueCount, page, size, rows.stream().map(row -> view(row, now)).toList());
    }

    /** Closes an open follow-up with what came of it; 409 when it was closed before. */
    @Transactional
    public FollowUpView close(UUID id, FollowUpOutcome outcome, String note, String by) {
        List<?> found = em.createNativeQuery("select status from follow_up where id = ?1 for update")
                .setParameter(1, id).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundProblem("follow-up-not-found", "No follow-up " + id);
        }
        if (!"OPEN".equals(found.get(0))) {
            throw new ConflictProblem("follow-up-closed", "Follow-up " + id + " was closed before");
        }
        em.createNativeQuery("update follow_up set status = 'DONE', outcome = ?2, note = ?3, closed_at = ?4, "
                        + "closed_by = ?5 where id = ?1")
                .setParameter(1, id).setParameter(2, outcome.name()).setParameter(3, note)
                .setParameter(4, clock.instant()).setParameter(5, by).executeUpdate();
        return view((Object[]) em.createNativeQuery("select " + COLUMNS + " from follow_up where id = ?1")
                .setParameter(1, id).getSingleResult(), clock.instant());
    }

    /** How many open follow-ups are past due, all branches together. */
    @Transactional
    public long overdueCount() {
        return ((Number) em.createNativeQuery("select count(*) from follow_up where status = 'OPEN' and due_at < ?1")
                .setParameter(1, clock.instant()).getSingleResult()).longValue();
    }

    private boolean referredOnFirstVisit(UUID member) {
        Object[] row = (Object[]) em.createNativeQuery("select m.referral_code, (select count(*) from visit v "
                + "where v.member_id = m.id) from member m where m.id = ?1").setParameter(1, member).getSingleResult();
        return row[0] != null && ((Number) row[1]).longValue() == 1;
    }

    private long count(String sql, Optional<String> branch, Optional<String> status, Instant now) {
        var query = em.createNativeQuery(sql);
        bind(query, branch, status, now, sql.contains(":now"));
        return ((Number) query.getSingleResult()).longValue();
    }

    private static void bind(Query query, Optional<String> branch, Optional<String> status,
                             Instant now, boolean withNow) {
        branch.ifPresent(value -> query.setParameter("branch", value));
        status.ifPresent(value -> query.setParameter("status", value));
        if (withNow) {
            query.setParameter("now", now);
        }
    }

    private static FollowUpView view(Object[] row, Instant now) {
        Instant due = SqlTimes.instant(row[5]);
        boolean open = "OPEN".equals(row[6]);
        return new FollowUpView((UUID) row[0], FollowUpTrigger.valueOf((String) row[1]), (UUID) row[2],
                (String) row[3], SqlTimes.instant(row[4]), due, (String) row[6], open && due.isBefore(now),
                row[7] == null ? null : FollowUpOutcome.valueOf((String) row[7]), (String) row[8],
                row[9] == null ? null : SqlTimes.instant(row[9]), (String) row[10]);
    }
}
