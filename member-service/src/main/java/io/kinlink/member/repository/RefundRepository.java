package io.kinlink.member.repository;

import java.util.Optional;
import java.util.UUID;

import io.kinlink.member.Refund;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RefundRepository implements PanacheRepositoryBase<Refund, UUID> {

    public Optional<Refund> findByExternalRefundId(String externalRefundId) {
        return find("externalRefundId", externalRefundId).firstResultOptional();
    }

    public long refundedFen(UUID purchaseId) {
        Long sum = getEntityManager()
                .createQuery("select sum(r.amountFen) from Refund r where r.purchaseId = :purchase", Long.class)
                .setParameter("purchase", purchaseId).getSingleResult();
        return sum == null ? 0 : sum;
    }
}
