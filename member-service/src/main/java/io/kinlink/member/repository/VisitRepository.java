package io.kinlink.member.repository;

import java.util.Optional;
import java.util.UUID;

import io.kinlink.member.Visit;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class VisitRepository implements PanacheRepositoryBase<Visit, UUID> {

    /** A till's visit ids are unique within its branch. */
    public Optional<Visit> findByExternalVisitId(String branch, String externalVisitId) {
        return find("branch = ?1 and externalVisitId = ?2", branch, externalVisitId).firstResultOptional();
    }
}
