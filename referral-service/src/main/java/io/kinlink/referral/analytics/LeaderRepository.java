package io.kinlink.referral.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.referral.config.ReferralSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** The leaders' ranking, in one query over the stored chain columns, purchases and qualified referrals. */
@ApplicationScoped
class LeaderRepository {

    private final EntityManager em;
    private final ReferralSettings settings;

    LeaderRepository(EntityManager em, ReferralSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    List<OpinionLeader> rank(Instant from, Instant to, Optional<String> branch, LeaderRanking by, int limit) {
        Query query = em.createNativeQuery(sql(branch.isPresent(), by))
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("limit", limit);
        branch.ifPresent(value -> query.setParameter("branch", value));
        List<OpinionLeader> leaders = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            leaders.add(new OpinionLeader(leaders.size() + 1, (UUID) c[0], (String) c[1], (String) c[2], number(c[3]),
                    NetworkSize.of(number(c[4]), number(c[5]), number(c[6])), number(c[8])));
        }
        return leaders;
    }

    private String sql(boolean byBranch, LeaderRanking by) {
        List<String> levels = new ArrayList<>();
        for (int level = 1; level <= settings.chainDepth(); level++) {
            levels.add("select referrer_l" + level + " as leader, " + level + " as level, member_id, registered_at"
                    + " from referral_member where referrer_l" + level + " is not null");
        }
        return """
                with links as (%s),
                network as (
                    select leader,
                           count(*) filter (where level = 1) as l1,
                           count(*) filter (where level = 2) as l2,
                           count(*) filter (where level = 3) as l3,
                           count(*) as network_total
                    from links where registered_at < :to group by leader),
                revenue as (
                    select l.leader, sum(p.amount_fen - p.refunded_fen) as revenue_fen
                    from links l join member_purchase p on p.member_id = l.member_id
                    where p.purchased_at >= :from and p.purchased_at < :to group by l.leader),
                qualified as (
                    select referrer_id as leader, count(*) as qualified from referral
                    where status = 'QUALIFIED' and qualified_at >= :from and qualified_at < :to
                    group by referrer_id)
                select m.member_id, m.masked_name, m.branch, coalesce(q.qualified, 0) as qualified,
                       n.l1, n.l2, n.l3, n.network_total, coalesce(r.revenue_fen, 0) as revenue_fen
                from network n
                join referral_member m on m.member_id = n.leader
                left join qualified q on q.leader = n.leader
                left join revenue r on r.leader = n.leader
                %s
                order by %s desc, m.member_id
                limit :limit""".formatted(String.join(" union all ", levels),
                byBranch ? "where m.branch = :branch" : "", by.column());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
