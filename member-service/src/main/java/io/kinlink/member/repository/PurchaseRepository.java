package io.kinlink.member.repository;

import java.util.Optional;
import java.util.UUID;

import io.kinlink.member.Purchase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class PurchaseRepository implements PanacheRepositoryBase<Purchase, UUID> {

    /**
     * Inserts the purchase unless its branch has one with its external transaction id. A concurrent
     * insert of the same id waits for the other transaction and then reports false, so two
     * simultaneous submissions can never both record.
     */
    public boolean insertIfAbsent(Purchase purchase) {
        return getEntityManager().createNativeQuery("""
                        insert into purchase (id, member_id, external_transaction_id, amount_fen, branch, occurred_at,
                                              recorded_at, request_fingerprint)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (branch, external_transaction_id) do nothing""")
                .setParameter(1, purchase.id())
                .setParameter(2, purchase.memberId())
                .setParameter(3, purchase.externalTransactionId())
                .setParameter(4, purchase.amountFen())
                .setParameter(5, purchase.branch())
                .setParameter(6, purchase.occurredAt())
                .setParameter(7, purchase.recordedAt())
                .setParameter(8, purchase.requestFingerprint())
                .executeUpdate() == 1 && insertItems(purchase);
    }

    private boolean insertItems(Purchase purchase) {
        var items = purchase.items();
        for (int line = 0; line < items.size(); line++) {
            getEntityManager().createNativeQuery("insert into purchase_item (purchase_id, line, category, description, "
                            + "amount_fen) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, purchase.id())
                    .setParameter(2, line)
                    .setParameter(3, items.get(line).category())
                    .setParameter(4, items.get(line).description())
                    .setParameter(5, items.get(line).amountFen())
                    .executeUpdate();
        }
        return true;
    }

    /** The purchase, locked until the transaction ends, so concurrent refunds of it queue up. */
    public Optional<Purchase> findForUpdate(UUID purchaseId) {
        return Optional.ofNullable(getEntityManager().find(Purchase.class, purchaseId,
                LockModeType.PESSIMISTIC_WRITE));
    }

    /** A till's transaction ids are unique within its branch. */
    public Optional<Purchase> findByExternalTransactionId(String branch, String externalTransactionId) {
        return find("branch = ?1 and externalTransactionId = ?2", branch, externalTransactionId)
                .firstResultOptional();
    }
}
