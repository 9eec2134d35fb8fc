package io.kinlink.referral.analytics;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The counts behind the programme's KPIs, each one query, optionally of one branch (the member's
 * home branch). A purchase counts while not fully refunded; rejected referrals never count.
 */
@ApplicationScoped
class ProgrammeKpiRepository {

    /** A KPI's denominator and numerator. */
    record Counts(long denominator, long numerator) {
    }

    private static final String BOUGHT = "p.amount_fen > p.refunded_fen";

    private final EntityManager em;

    ProgrammeKpiRepository(EntityManager em) {
        this.em = em;
    }

    /** Members active at {@code end} (bought since {@code since}), and those of them who brought a friend since. */
    Counts activeAndReferring(Instant since, Instant end, Optional<String> branch) {
        Query query = em.createNativeQuery("""
                select count(*), count(*) filter (where exists (
                           select 1 from referral r where r.referrer_id = m.member_id and r.status <> 'REJECTED'
                           and r.attributed_at >= :since and r.attributed_at < :end))
                from referral_member m
                where m.registered_at < :end and not m.suspended %s
                  and exists (select 1 from member_purchase p where p.member_id = m.member_id and %s
                              and p.purchased_at >= :since and p.purchased_at < :end)"""
                        .formatted(branchOf("m", branch), BOUGHT))
                .setParameter("since", since).setParameter("end", end);
        return counts(query, branch);
    }

    /** Friends attributed in [start, end), and those of them who have bought since. */
    Counts attributedAndBought(Instant start, Instant end, Optional<String> branch) {
        Query query = em.createNativeQuery("""
                select count(*), count(*) filter (where r.first_purchase_at is not null)
                from referral r join referral_member f on f.member_id = r.referee_id
                where r.status <> 'REJECTED' and r.attributed_at >= :start and r.attributed_at < :end %s"""
                        .formatted(branchOf("f", branch)))
                .setParameter("start", start).setParameter("end", end);
        return counts(query, branch);
    }

    /** Referred customers whose first purchase lies in [cohortFrom, cohortTo), and those who bought again by {@code end}. */
    Counts cohortAndReturned(Instant end, Instant cohortFrom, Instant cohortTo, Optional<String> branch) {
        Query query = em.createNativeQuery("""
                with first_purchase as (
                    select r.referee_id as member_id, min(p.purchased_at) as first_at
                    from referral r join referral_member f on f.member_id = r.referee_id
                    join member_purchase p on p.member_id = r.referee_id and %s and p.purchased_at < :end
                    where r.status <> 'REJECTED' %s
                    group by r.referee_id)
                select count(*), count(*) filter (where exists (
                           select 1 from member_purchase p where p.member_id = c.member_id and %s
                           and p.purchased_at > c.first_at and p.purchased_at < :end))
                from first_purchase c where c.first_at >= :cohortFrom and c.first_at < :cohortTo"""
                        .formatted(BOUGHT, branchOf("f", branch), BOUGHT))
                .setParameter("end", end)
                .setParameter("cohortFrom", cohortFrom)
                .setParameter("cohortTo", cohortTo);
        return counts(query, branch);
    }

    private static String branchOf(String alias, Optional<String> branch) {
        return branch.isPresent() ? "and " + alias + ".branch = :branch" : "";
    }

    /** The query's one row: the denominator, then the numerator. */
    private static Counts counts(Query query, Optional<String> branch) {
        branch.ifPresent(id -> query.setParameter("branch", id));
        Object[] row = (Object[]) query.getSingleResult();
        return new Counts(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
