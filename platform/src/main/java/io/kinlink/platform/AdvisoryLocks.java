package io.kinlink.platform;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL transaction-scoped advisory locks: a named lock held until the current transaction
 * ends, for serializing work on one thing (a phone, a member's points, a budget month) that no
 * single row stands for yet.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Waits for the lock named {@code key} and holds it until the transaction commits or rolls back. */
    public static void holdUntilCommit(EntityManager em, String key) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, key)
                .getSingleResult();
    }
}
