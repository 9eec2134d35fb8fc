package io.kinlink.member.repository;

import java.util.Optional;
import java.util.UUID;

import io.kinlink.member.Visit;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class VisitRepository implements PanacheRepositoryBase<Visit, UUID> {

    public Optional<Visit> findByExternalVisitId(String externalVisitId) {
        return find("externalVisitId", externalVisitId).firstResultOptional();
    }
}
