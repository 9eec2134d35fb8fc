package io.kinlink.member.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The directory's query: every member's membership-year figures and segments computed at query
 * time (so they never go stale), filtered, sorted and paged in SQL.
 */
@ApplicationScoped
class DirectoryRepository {

    /** One page of rows (columns as selected in {@link #find}) and how many match in all. */
    record Found(long total, List<Object[]> rows) {
    }

    // The start of the current membership year: midnight of the first purchase's day, plus the
    // whole years since then, in the group's time zone (?1 now, ?2 zone).
    private static final String FIGURES = """
            with base as (
                select m.*, (
                    date_trunc('day', m.first_purchase_at at time zone ?2)
                    + make_interval(years => date_part('year', age(cast(?1 as timestamptz) at time zone ?2,
                        date_trunc('day', m.first_purchase_at at time zone ?2)))::int)
                ) at time zone ?2 as year_from
                from member m where m.status <> 'ERASED'
            ), figures as (
                select b.*,
                    coalesce((select sum(p.amount_fen) from purchase p
                              where p.member_id = b.id and p.occurred_at >= b.year_from), 0)
                  - coalesce((select sum(r.amount_fen) from refund r
                              where r.member_id = b.id and r.occurred_at >= b.year_from), 0) as year_spend,
                    (select count(*) from visit v where v.member_id = b.id and v.occurred_at >= b.year_from) as year_visits,
                    (select count(*) from referral_success s where s.referrer_id = b.id and s.reversed_at is null
                        and s.qualified_at >= b.year_from) as year_referrals,
                    greatest(b.last_visit_at, (select max(p.occurred_at) from purchase p where p.member_id = b.id))
                        as last_activity
                from base b
            ), segmented as (
                select f.*,
                    case when f.year_spend >= ?3 or f.year_referrals >= ?4 then 'STRATEGIC'
                         when f.year_spend >= ?5 then 'PROFIT'
                         when f.year_spend >= ?6 then 'POTENTIAL'
                         else 'ORDINARY' end as value_segment,
                    coalesce(f.last_activity >= cast(?1 as timestamptz) - ?7 * interval '1 second', false) as active,
                    f.year_spend >= ?8 as high_value,
                    f.year_visits >= ?9 as loyal,
                    coalesce(f.last_visit_at, f.registered_at) < cast(?1 as timestamptz) - ?10 * interval '1 second'
                        as churned
                from figures f
            )
            """;

    private final EntityManager em;

    DirectoryRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * @param figureParameters ?1 to ?10 of the figures: now, zone, then the segment thresholds
     * @param order            a sort column and direction, from the directory's fixed list
     */
    @SuppressWarnings("unchecked")
    Found find(List<Object> figureParameters, MemberFilter filter, String order, int page, int size) {
        List<Object> params = new ArrayList<>(figureParameters);
        String where = where(filter, params);
        long total = ((Number) bind(em.createNativeQuery(FIGURES + "select count(*) from segmented" + where), params)
                .getSingleResult()).longValue();
        List<Object[]> rows = bind(em.createNativeQuery(FIGURES + """
                select id, name, phone_ciphertext, branch, tier, net_spend_fen, year_spend, year_visits,
                       year_referrals, value_segment, active, high_value, loyal, churned, last_visit_at,
                       needs_tags, registered_at
                from segmented""" + where + " order by " + order + " nulls last, id"), params)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Found(total, rows);
    }

    private static String where(MemberFilter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        filter.tier().ifPresent(tier -> where.append(" and tier = ?").append(add(params, tier.name())));
        filter.branch().ifPresent(branch -> where.append(" and branch = ?").append(add(params, branch)));
        filter.needsTag().ifPresent(tag -> where.append(" and ?").append(add(params, tag)).append(" = any(needs_tags)"));
        filter.valueSegment().ifPresent(s -> where.append(" and value_segment = ?").append(add(params, s.name())));
        filter.behaviour().ifPresent(b -> where.append(" and ").append(b.name().toLowerCase(Locale.ROOT)));
        filter.lastVisitBefore().ifPresent(t -> where.append(" and last_visit_at < ?").append(add(params, t)));
        filter.lastVisitAfter().ifPresent(t -> where.append(" and last_visit_at >= ?").append(add(params, t)));
        filter.minYearSpendFen().ifPresent(fen -> where.append(" and year_spend >= ?").append(add(params, fen)));
        return where.toString();
    }

    private static int add(List<Object> params, Object value) {
        params.add(value);
        return params.size();
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }
}
