package io.kinlink.member.repository;

import java.util.Optional;
import java.util.UUID;

import io.kinlink.member.Refund;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RefundRepository implements PanacheRepositoryBase<Refund, UUID> {

    /** A till's refund ids are unique within its branch. */
    public Optional<Refund> findByExternalRefundId(String branch, String externalRefundId) {
        return find("branch = ?1 and externalRefundId = ?2", branch, externalRefundId).firstResultOptional();
    }

    public long refundedFen(UUID purchaseId) {
        Long sum = getEntityManager()
                .createQuery("select sum(r.amountFen) from Refund r where r.purchaseId = :purchase", Long.class)
                .setParameter("purchase", purchaseId).getSingleResult();
        return sum == null ? 0 : sum;
    }
}
