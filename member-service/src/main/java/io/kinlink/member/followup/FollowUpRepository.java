package io.kinlink.member.followup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** The follow_up table: one follow-up per cause ({@code source_key}), assigned to the member's branch. */
@ApplicationScoped
class FollowUpRepository {

    private static final String COLUMNS = "id, trigger, member_id, branch, created_at, due_at, status, outcome, note, "
            + "closed_at, closed_by";
    private static final String OVERDUE = " and status = 'OPEN' and due_at < :now";

    private final EntityManager em;

    FollowUpRepository(EntityManager em) {
        this.em = em;
    }

    /** Makes the follow-up of a cause unless it exists, on the member's branch. */
    void create(FollowUpTrigger trigger, String cause, UUID member, Instant at, Instant due) {
        em.createNativeQuery("""
                        insert into follow_up (id, source_key, trigger, member_id, branch, created_at, due_at, status)
                        select ?1, ?2, ?3, m.id, m.branch, ?4, ?5, 'OPEN' from member m where m.id = ?6
                        on conflict (source_key) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, trigger.name() + ":" + cause)
                .setParameter(3, trigger.name()).setParameter(4, at).setParameter(5, due)
                .setParameter(6, member).executeUpdate();
    }

    /** How many follow-ups match; only the overdue ones (open, past due at {@code now}) when asked. */
    long count(Optional<String> branch, Optional<String> status, boolean overdueOnly, Instant now) {
        var query = em.createNativeQuery("select count(*) from follow_up" + where(branch, status)
                + (overdueOnly ? OVERDUE : ""));
        bind(query, branch, status, overdueOnly ? Optional.of(now) : Optional.empty());
        return ((Number) query.getSingleResult()).longValue();
    }

    /** One page of the follow-ups that match, open ones first, then by due time. */
    List<FollowUpView> page(Optional<String> branch, Optional<String> status, boolean overdueOnly, Instant now,
                            int page, int size) {
        var query = em.createNativeQuery("select " + COLUMNS + " from follow_up" + where(branch, status)
                + (overdueOnly ? OVERDUE : "") + " order by status desc, due_at, id limit :size offset :offset");
        bind(query, branch, status, overdueOnly ? Optional.of(now) : Optional.empty());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setParameter("size", size).setParameter("offset", (long) page * size)
                .getResultList();
        return rows.stream().map(row -> view(row, now)).toList();
    }

    /** The follow-up's status, locked until the transaction ends; empty when there is none. */
    Optional<FollowUpStatus> lockStatus(UUID id) {
        List<?> found = em.createNativeQuery("select status from follow_up where id = ?1 for update")
                .setParameter(1, id).getResultList();
        return found.stream().findFirst().map(status -> FollowUpStatus.valueOf((String) status));
    }

    void close(UUID id, FollowUpOutcome outcome, String note, Instant at, String by) {
        em.createNativeQuery("update follow_up set status = 'DONE', outcome = ?2, note = ?3, closed_at = ?4, "
                        + "closed_by = ?5 where id = ?1")
                .setParameter(1, id).setParameter(2, outcome.name()).setParameter(3, note)
                .setParameter(4, at).setParameter(5, by).executeUpdate();
    }

    FollowUpView get(UUID id, Instant now) {
        return view((Object[]) em.createNativeQuery("select " + COLUMNS + " from follow_up where id = ?1")
                .setParameter(1, id).getSingleResult(), now);
    }

    /** Whether the member came through a referral and has exactly one visit (the one just recorded). */
    boolean referredOnFirstVisit(UUID member) {
        Object[] row = (Object[]) em.createNativeQuery("select m.referral_code, (select count(*) from visit v "
                + "where v.member_id = m.id) from member m where m.id = ?1").setParameter(1, member).getSingleResult();
        return row[0] != null && ((Number) row[1]).longValue() == 1;
    }

    private static String where(Optional<String> branch, Optional<String> status) {
        return " where true" + (branch.isPresent() ? " and branch = :branch" : "")
                + (status.isPresent() ? " and status = :status" : "");
    }

    private static void bind(Query query, Optional<String> branch, Optional<String> status, Optional<Instant> now) {
        branch.ifPresent(value -> query.setParameter("branch", value));
        status.ifPresent(value -> query.setParameter("status", value));
        now.ifPresent(value -> query.setParameter("now", value));
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
