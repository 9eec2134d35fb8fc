package io.kinlink.referral.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.kinlink.platform.kpi.Kpi;
import io.kinlink.platform.kpi.Kpi.Direction;
import io.kinlink.platform.kpi.Kpi.KpiId;
import io.kinlink.platform.kpi.Kpi.Scope;
import io.kinlink.platform.kpi.Kpi.Unit;
import io.kinlink.platform.kpi.KpiMonths;
import io.kinlink.platform.kpi.KpiReport;
import io.kinlink.referral.config.KpiSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * The three KPIs this service's data answers: referral rate, referral conversion and the retention
 * of referred customers, per month and optionally per branch (the member's home branch). A
 * purchase counts while not fully refunded; rejected referrals never count.
 */
@ApplicationScoped
public class ProgrammeKpis {

    private static final String BOUGHT = "p.amount_fen > p.refunded_fen";

    private final EntityManager em;
    private final KpiSettings settings;

    public ProgrammeKpis(EntityManager em, KpiSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    @Transactional
    public KpiReport report(KpiMonths months, Optional<String> branch) {
        Scope scope = branch.isPresent() ? Scope.BRANCH : Scope.GROUP;
        return new KpiReport(branch.orElse(null), months.months().stream()
                .map(month -> new KpiReport.Month(month, List.of(
                        referralRate(months.end(month), branch, scope),
                        conversion(months.start(month), months.end(month), branch, scope),
                        retention(months.end(month), branch, scope))))
                .toList());
    }

    /** Active members at the month's end (bought within the look-back), and those of them who brought a friend in it. */
    private Kpi referralRate(Instant end, Optional<String> branch, Scope scope) {
        Query query = em.createNativeQuery("""
                select count(*), count(*) filter (where exists (
                           select 1 from referral r where r.referrer_id = m.member_id and r.status <> 'REJECTED'
                           and r.attributed_at >= :since and r.attributed_at < :end))
                from referral_member m
                where m.registered_at < :end and not m.suspended %s
                  and exists (select 1 from member_purchase p where p.member_id = m.member_id and %s
                              and p.purchased_at >= :since and p.purchased_at < :end)"""
                        .formatted(branchOf("m", branch), BOUGHT))
                .setParameter("since", end.minus(settings.activeWithin())).setParameter("end", end);
        long[] counts = counts(query, branch);
        return Kpi.of(KpiId.REFERRAL_RATE, counts[1], counts[0], settings.referralRateTarget(), Direction.AT_LEAST,
                Unit.RATIO, scope);
    }

    /** Friends attributed in the month, and those of them who have bought since. */
    private Kpi conversion(Instant start, Instant end, Optional<String> branch, Scope scope) {
        Query query = em.createNativeQuery("""
                select count(*), count(*) filter (where r.first_purchase_at is not null)
                from referral r join referral_member f on f.member_id = r.referee_id
                where r.status <> 'REJECTED' and r.attributed_at >= :start and r.attributed_at < :end %s"""
                        .formatted(branchOf("f", branch)))
                .setParameter("start", start).setParameter("end", end);
        long[] counts = counts(query, branch);
        return Kpi.of(KpiId.REFERRAL_CONVERSION, counts[1], counts[0], settings.referralConversionTarget(),
                Direction.AT_LEAST, Unit.RATIO, scope);
    }

    /**
     * Referred customers whose first purchase lies in the cohort window before the month's end (and
     * long enough before it to have come back), and those of them who bought again by the end.
     */
    private Kpi retention(Instant end, Optional<String> branch, Scope scope) {
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
                .setParameter("cohortFrom", end.minus(settings.retentionCohort()))
                .setParameter("cohortTo", end.minus(settings.retentionSettle()));
        long[] counts = counts(query, branch);
        return Kpi.of(KpiId.REFERRED_RETENTION, counts[1], counts[0], settings.referredRetentionTarget(),
                Direction.AT_LEAST, Unit.RATIO, scope);
    }

    private static String branchOf(String alias, Optional<String> branch) {
        return branch.isPresent() ? "and " + alias + ".branch = :branch" : "";
    }

    /** The query's one row: the denominator, then the numerator. */
    private static long[] counts(Query query, Optional<String> branch) {
        branch.ifPresent(id -> query.setParameter("branch", id));
        Object[] row = (Object[]) query.getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }
}
