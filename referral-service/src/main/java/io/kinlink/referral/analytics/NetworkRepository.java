package io.kinlink.referral.analytics;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** A member's downstream network, read on the stored chain columns of referral_member: one indexed query each. */
@ApplicationScoped
class NetworkRepository {

    private final EntityManager em;

    NetworkRepository(EntityManager em) {
        this.em = em;
    }

    /** How many members have this one as their level-1, level-2 and level-3 referrer. */
    long[] countsByLevel(UUID memberId) {
        Object[] counts = (Object[]) em.createNativeQuery("""
                        select count(*) filter (where referrer_l1 = ?1),
                               count(*) filter (where referrer_l2 = ?1),
                               count(*) filter (where referrer_l3 = ?1)
                        from referral_member
                        where referrer_l1 = ?1 or referrer_l2 = ?1 or referrer_l3 = ?1""")
                .setParameter(1, memberId).getSingleResult();
        return new long[] {((Number) counts[0]).longValue(), ((Number) counts[1]).longValue(),
                ((Number) counts[2]).longValue()};
    }

    /** The member as the root of their tree (level 0); empty for a member not known here. */
    Optional<NetworkTree.Node> root(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select member_id, masked_name, branch from referral_member where member_id = :member")
                .setParameter("member", memberId).getResultList();
        return rows.stream().findFirst()
                .map(row -> new NetworkTree.Node((UUID) row[0], (String) row[1], (String) row[2], 0, null));
    }

    /** Up to {@code limit} members below the member, level by level, each with their direct referrer. */
    List<NetworkTree.Node> below(UUID memberId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select member_id, masked_name, branch,
                               case when referrer_l1 = :member then 1 when referrer_l2 = :member then 2 else 3 end
                                   as level,
                               referrer_l1
                        from referral_member
                        where referrer_l1 = :member or referrer_l2 = :member or referrer_l3 = :member
                        order by level, registered_at, member_id
                        limit :limit""")
                .setParameter("member", memberId).setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> new NetworkTree.Node((UUID) row[0], (String) row[1], (String) row[2],
                ((Number) row[3]).intValue(), (UUID) row[4])).toList();
    }
}
