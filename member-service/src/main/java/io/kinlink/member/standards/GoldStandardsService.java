package io.kinlink.member.standards;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import io.kinlink.member.Member;
import io.kinlink.member.config.MemberSettings;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/** Measures a member's gold standards for each membership year, current and past. */
@ApplicationScoped
public class GoldStandardsService {

    private final MemberRepository members;
    private final EntityManager em;
    private final MemberSettings settings;
    private final Clock clock;

    public GoldStandardsService(MemberRepository members, EntityManager em, MemberSettings settings, Clock clock) {
        this.members = members;
        this.em = em;
        this.settings = settings;
        this.clock = clock;
    }

    /** Newest year first; empty for a member who has not bought anything yet. */
    @Transactional
    public List<GoldStandards> of(UUID memberId) {
        Member member = members.findByIdOptional(memberId)
                .orElseThrow(() -> new NotFoundProblem("member-not-found", "No member " + memberId));
        Instant now = clock.instant();
        if (member.firstPurchaseAt().isEmpty()) {
            return List.of();
        }
        List<MembershipYear> years = new ArrayList<>(
                MembershipYear.until(member.firstPurchaseAt().get(), now, settings.timeZone()));
        Collections.reverse(years);
        return years.stream().map(year -> measure(memberId, year, year.contains(now))).toList();
    }

    private GoldStandards measure(UUID member, MembershipYear year, boolean current) {
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
        Double average = satisfaction[0] == null ? null
                : Math.round(((Number) satisfaction[0]).doubleValue() * 100) / 100.0;
        return new GoldStandards(year.number(), year.from(), year.to(), current, bought - refunded, categories, visits,
                referrals, average, ((Number) satisfaction[1]).intValue());
    }

    private Number number(String sql, UUID member, MembershipYear year) {
        return (Number) query(sql, member, year).getSingleResult();
    }

    private Query query(String sql, UUID member, MembershipYear year) {
        return em.createNativeQuery(sql).setParameter(1, member).setParameter(2, year.from())
                .setParameter(3, year.to());
    }
}
