package io.kinlink.rewards.kpi;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** What the KPIs read: the month's referral spend from the budget's uses, and the operators' KPI settings. */
@ApplicationScoped
class KpiRepository {

    /** A KPI setting as an operator last set it. */
    record Setting(long valueFen, Instant changedAt, String changedBy) {
    }

    private final EntityManager em;

    KpiRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * The month's budget uses that paid referral rewards: rebates up the chain (a chain level),
     * and the referrer's and the friend's referral coupons, with their voids.
     */
    long referralSpendFen(YearMonth month) {
        return ((Number) em.createNativeQuery("""
                        select coalesce(sum(u.value_fen), 0) from budget_use u
                        where u.period = :period and (
                            exists (select 1 from ledger_transaction t
                                    where t.idempotency_key = u.source and t.chain_level is not null)
                            or exists (select 1 from coupon c
                                       where (c.idempotency_key = u.source or 'void:' || c.id = u.source)
                                       and c.reason in ('REFERRAL_QUALIFIED', 'REFEREE_WELCOME')))""")
                .setParameter("period", month.toString()).getSingleResult()).longValue();
    }

    Optional<Setting> setting(String name) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select value_fen, changed_at, changed_by from kpi_setting where name = :name")
                .setParameter("name", name).getResultList();
        return rows.stream().findFirst()
                .map(row -> new Setting(((Number) row[0]).longValue(), (Instant) row[1], (String) row[2]));
    }

    void set(String name, long valueFen, Instant at, String by) {
        em.createNativeQuery("""
                        insert into kpi_setting (name, value_fen, changed_at, changed_by)
                        values (:name, :value, :at, :by)
                        on conflict (name) do update set value_fen = excluded.value_fen,
                            changed_at = excluded.changed_at, changed_by = excluded.changed_by""")
                .setParameter("name", name).setParameter("value", valueFen).setParameter("at", at)
                .setParameter("by", by).executeUpdate();
    }
}
