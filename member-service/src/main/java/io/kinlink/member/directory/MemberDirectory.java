package io.kinlink.member.directory;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.kinlink.member.Tier;
import io.kinlink.member.branch.Branches;
import io.kinlink.member.config.MemberSettings;
import io.kinlink.member.config.SegmentSettings;
import io.kinlink.member.pii.PhoneNumbers;
import io.kinlink.member.pii.PhoneProtector;
import io.kinlink.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * The operators' member list: filtered by tier, branch, needs tag, segment, last visit and
 * current-year spend, sorted and paged. Membership-year figures and segments are computed from
 * each member's own anniversary at query time, so they never go stale.
 */
@ApplicationScoped
public class MemberDirectory {

    /** Sort keys operators may use, mapped to columns of the figures below; nothing else reaches SQL. */
    public static final Map<String, String> SORTS = Map.of(
            "registered", "registered_at", "name", "name", "netSpend", "net_spend_fen",
            "yearSpend", "year_spend", "yearVisits", "year_visits", "lastVisit", "last_visit_at");

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
    private final SegmentSettings segments;
    private final MemberSettings settings;
    private final PhoneProtector phones;
    private final Clock clock;
    private final Branches branches;

    public MemberDirectory(EntityManager em, SegmentSettings segments, MemberSettings settings, PhoneProtector phones,
                           Clock clock, Branches branches) {
        this.branches = branches;
        this.em = em;
        this.segments = segments;
        this.settings = settings;
        this.phones = phones;
        this.clock = clock;
    }

    @Transactional
    public DirectoryPage find(MemberFilter filter, String sortKey, boolean descending, int page, int size) {
        filter.branch().ifPresent(branch -> branches.requireKnown("branch", branch));
        List<Object> params = new ArrayList<>(parameters());
        String where = where(filter, params);
        long total = ((Number) bind(em.createNativeQuery(FIGURES + "select count(*) from segmented" + where), params)
                .getSingleResult()).longValue();
        String order = " order by " + SORTS.getOrDefault(sortKey, "registered_at") + (descending ? " desc" : " asc")
                + " nulls last, id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(FIGURES + """
                select id, name, phone_ciphertext, branch, tier, net_spend_fen, year_spend, year_visits,
                       year_referrals, value_segment, active, high_value, loyal, churned, last_visit_at,
                       needs_tags, registered_at
                from segmented""" + where + order), params)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        return new DirectoryPage(page, size, total, rows.stream().map(this::entry).toList());
    }

    private List<Object> parameters() {
        return List.of(clock.instant(), settings.timeZone().getId(), segments.strategicYearSpendFen(),
                segments.strategicYearReferrals(), segments.profitYearSpendFen(), segments.potentialYearSpendFen(),
                segments.activeWithin().toSeconds(), segments.highValueYearSpendFen(), segments.loyalYearVisits(),
                segments.churnedAfter().toSeconds());
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

    private DirectoryEntry entry(Object[] row) {
        List<Behaviour> behaviours = new ArrayList<>();
        Behaviour[] flags = {Behaviour.ACTIVE, Behaviour.HIGH_VALUE, Behaviour.LOYAL, Behaviour.CHURNED};
        for (int i = 0; i < flags.length; i++) {
            if (Boolean.TRUE.equals(row[10 + i])) {
                behaviours.add(flags[i]);
            }
        }
        Object tags = row[15];
        List<String> needsTags = tags instanceof Object[] array ? Arrays.stream(array).map(String::valueOf).toList()
                : tags instanceof Array sqlArray ? toList(sqlArray) : List.of();
        return new DirectoryEntry((UUID) row[0], (String) row[1],
                row[2] == null ? null : PhoneNumbers.mask(phones.decrypt((byte[]) row[2])), (String) row[3],
                Tier.valueOf((String) row[4]), ((Number) row[5]).longValue(), ((Number) row[6]).longValue(),
                ((Number) row[7]).intValue(), ((Number) row[8]).intValue(), ValueSegment.valueOf((String) row[9]),
                behaviours, SqlTimes.instant(row[14]), needsTags, SqlTimes.instant(row[16]));
    }

    private static List<String> toList(Array array) {
        try {
            return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
