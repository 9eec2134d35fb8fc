package io.kinlink.referral.repository;

import java.util.Optional;
import java.util.UUID;

import io.kinlink.referral.AttributionRejection;
import io.kinlink.referral.Referral;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    public Optional<Referral> findByReferee(UUID refereeId) {
        return find("refereeId", refereeId).firstResultOptional();
    }

    public void recordRejection(AttributionRejection rejection) {
        getEntityManager().persist(rejection);
    }
}
