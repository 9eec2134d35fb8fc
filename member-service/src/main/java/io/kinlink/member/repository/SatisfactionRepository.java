package io.kinlink.member.repository;

import java.util.UUID;

import io.kinlink.member.Satisfaction;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SatisfactionRepository implements PanacheRepositoryBase<Satisfaction, UUID> {

    /** Whether the visit (or, when {@code visitId} is null, the purchase) has a score already. */
    public boolean scored(UUID visitId, UUID purchaseId) {
        return visitId != null ? count("visitId", visitId) > 0 : count("purchaseId", purchaseId) > 0;
    }
}
