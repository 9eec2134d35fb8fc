package io.kinlink.rewards.redemption;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The redemption table: points paid at tills, one per till transaction within a branch. */
@ApplicationScoped
class RedemptionRepository {

    private final EntityManager em;

    RedemptionRepository(EntityManager em) {
        this.em = em;
    }

    void insert(RedemptionResponse redemption, UUID ledgerTransaction) {
        em.createNativeQuery("""
                        insert into redemption (id, member_id, external_transaction_id, points, branch,
                            ledger_transaction_id, available_after, redeemed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, redemption.id()).setParameter(2, redemption.memberId())
                .setParameter(3, redemption.externalTransactionId()).setParameter(4, redemption.points())
                .setParameter(5, redemption.branch()).setParameter(6, ledgerTransaction)
                .setParameter(7, redemption.availableAfter()).setParameter(8, redemption.redeemedAt()).executeUpdate();
    }

    /** A till's transaction ids are unique within its branch. */
    Optional<RedemptionResponse> find(String branch, String externalTransactionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select r.id, r.member_id, r.points, r.branch, r.redeemed_at, r.available_after
                        from redemption r
                        where r.branch = ?1 and r.external_transaction_id = ?2""")
                .setParameter(1, branch).setParameter(2, externalTransactionId).getResultList();
        return rows.stream().findFirst().map(row -> new RedemptionResponse((UUID) row[0], (UUID) row[1],
                externalTransactionId, ((Number) row[2]).longValue(), (String) row[3], SqlTimes.instant(row[4]),
                ((Number) row[5]).longValue()));
    }
}
