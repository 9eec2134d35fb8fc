package io.kinlink.referral.analytics;

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
}
