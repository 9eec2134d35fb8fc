package io.kinlink.member.repository;

import java.util.Optional;
import java.util.UUID;

import io.kinlink.member.Purchase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PurchaseRepository implements PanacheRepositoryBase<Purchase, UUID> {

    /**
     * Inserts the purchase unless one with its external transaction id exists. A concurrent
     * insert of the same id waits for the other transaction and then reports false, so two
     * simultaneous submissions can never both record.
     */
    public boolean insertIfAbsent(Purchase purchase) {
        return getEntityManager().createNativeQuery("""
                        insert into purchase (id, member_id, external_transaction_id, amount_fen, branch, occurred_at,
                                              recorded_at, request_fingerprint)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (external_transaction_id) do nothing""")
                .setParameter(1, purchase.id())
                .setParameter(2, purchase.memberId())
                .setParameter(3, purchase.externalTransactionId())
                .setParameter(4, purchase.amountFen())
                .setParameter(5, purchase.branch())
                .setParameter(6, purchase.occurredAt())
                .setParameter(7, purchase.recordedAt())
                .setParameter(8, purchase.requestFingerprint())
                .executeUpdate() == 1;
    }

    public Optional<Purchase> findByExternalTransactionId(String externalTransactionId) {
        return find("externalTransactionId", externalTransactionId).firstResultOptional();
    }
}
