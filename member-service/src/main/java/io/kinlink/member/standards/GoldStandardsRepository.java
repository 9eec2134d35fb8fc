package io.kinlink.member.standards;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** What a membership year holds for the gold standards, read from purchases, refunds, visits, referrals and scores. */
@ApplicationScoped
class GoldStandardsRepository {

    /** A member's raw figures of one membership year. */
    record YearFigures(long boughtFen, long refundedFen, int categories, int visits, int referrals,
                       Double averageScore, int scores) {
    }

    private final EntityManager em;

    GoldStandardsRepository(EntityManager em) {
        this.em = em;
    }

    YearFigures figures(UUID member, MembershipYear year) {
        long bought = number("select coalesce(sum(amount_fen), 0) from purchase where member_id = ?1 "
                + "and occurred_at >= ?2 and occurred_at < ?3", member, year).longValue();
        long refunded = number("select coalesce(sum(amount_fen), 0) from refund where member_id = ?1 "
                + "and occurred_at >= ?2 and occurred_at < ?3", member, year).longValue();
        int categories = number("select count(distinct i.category) from purchase_item i join purchase p "
                + "on p.id = i.purchase_id where p.member_id = ?1 and p.occurred_at >= ?2 and p.occurred_at < ?3",
                member, year).intValue();
        int visits = number("select count(*) from visit where member_id = ?1 and occurred_at >= ?2 "
                + "and occurred_at < ?3", member, year).intValue();
        int referrals = number("select count(*) from referral_success where referrer_id = ?1 and reversed_at is null "
                + "and qualified_at >= ?2 and qualified_at < ?3", member, year).intValue();
        // a score counts in the year of the visit or purchase it is about, not of when it was given
        Object[] satisfaction = (Object[]) query("select avg(s.score), count(*) from satisfaction s "
                + "left join visit v on v.id = s.visit_id left join purchase p on p.id = s.purchase_id "
                + "where s.member_id = ?1 and coalesce(v.occurred_at, p.occurred_at) >= ?2 "
                + "and coalesce(v.occurred_at, p.occurred_at) < ?3", member, year).getSingleResult();
        Double average = satisfaction[0] == null ? null : ((Number) satisfaction[0]).doubleValue();
        return new YearFigures(bought, refunded, categories, visits, referrals, average,
                ((Number) satisfaction[1]).intValue());
    }

    private Number number(String sql, UUID member, MembershipYear year) {
        return (Number) query(sql, member, year).getSingleResult();
    }

    private Query query(String sql, UUID member, MembershipYear year) {
        return em.createNativeQuery(sql).setParameter(1, member).setParameter(2, year.from())
                .setParameter(3, year.to());
    }
}
