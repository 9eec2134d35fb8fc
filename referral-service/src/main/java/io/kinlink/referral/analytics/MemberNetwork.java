package io.kinlink.referral.analytics;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.referral.config.ReferralSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** A member's downstream network by level, counted on the stored chain columns. */
@ApplicationScoped
public class MemberNetwork {

    private final EntityManager entityManager;
    private final ReferralSettings settings;

    public MemberNetwork(EntityManager entityManager, ReferralSettings settings) {
        this.entityManager = entityManager;
        this.settings = settings;
    }

    /** Levels deeper than the configured chain depth are not part of the network and count 0. One indexed query. */
    public NetworkSize of(UUID memberId) {
        Object[] counts = (Object[]) entityManager.createNativeQuery("""
                        select count(*) filter (where referrer_l1 = ?1),
                               count(*) filter (where referrer_l2 = ?1),
                               count(*) filter (where referrer_l3 = ?1)
                        from referral_member
                        where referrer_l1 = ?1 or referrer_l2 = ?1 or referrer_l3 = ?1""")
                .setParameter(1, memberId).getSingleResult();
        long[] levels = new long[3];
        for (int level = 1; level <= settings.chainDepth(); level++) {
            levels[level - 1] = ((Number) counts[level - 1]).longValue();
        }
        return NetworkSize.of(levels[0], levels[1], levels[2]);
    }

    /** The member and up to {@code limit} members below them, level by level, each with their direct referrer. */
    public Optional<NetworkTree> tree(UUID memberId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> root = entityManager.createNativeQuery(
                        "select member_id, masked_name, branch from referral_member where member_id = :member")
                .setParameter("member", memberId).getResultList();
        if (root.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select member_id, masked_name, branch,
                               case when referrer_l1 = :member then 1 when referrer_l2 = :member then 2 else 3 end
                                   as level,
                               referrer_l1
                        from referral_member
                        where referrer_l1 = :member or referrer_l2 = :member or referrer_l3 = :member
                        order by level, registered_at, member_id
                        limit :limit""")
                .setParameter("member", memberId).setParameter("limit", limit + 1).getResultList();
        List<NetworkTree.Node> members = rows.stream().limit(limit)
                .map(row -> new NetworkTree.Node((UUID) row[0], (String) row[1], (String) row[2],
                        ((Number) row[3]).intValue(), (UUID) row[4]))
                .filter(node -> node.level() <= settings.chainDepth())
                .toList();
        Object[] top = root.get(0);
        return Optional.of(new NetworkTree(new NetworkTree.Node((UUID) top[0], (String) top[1],
                (String) top[2], 0, null), members, rows.size() > limit));
    }
}
