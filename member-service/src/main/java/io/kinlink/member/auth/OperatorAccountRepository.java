package io.kinlink.member.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.AdvisoryLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The operator_account table. Roles are kept comma-separated. */
@ApplicationScoped
class OperatorAccountRepository {

    /** An active account as a login reads it. */
    record Account(UUID id, String username, String passwordHash, String roles) {
    }

    private final EntityManager em;

    OperatorAccountRepository(EntityManager em) {
        this.em = em;
    }

    /** Serializes the bootstrap of replicas starting together, so they make one administrator. */
    void lockBootstrap() {
        AdvisoryLocks.holdUntilCommit(em, "operator-bootstrap");
    }

    long count() {
        return ((Number) em.createNativeQuery("select count(*) from operator_account").getSingleResult()).longValue();
    }

    boolean usernameTaken(String username) {
        return ((Number) em.createNativeQuery("select count(*) from operator_account where username = ?1")
                .setParameter(1, username).getSingleResult()).longValue() > 0;
    }

    Optional<Account> activeByUsername(String username) {
        return first(em.createNativeQuery(
                        "select id, username, password_hash, roles from operator_account where username = ?1 and active")
                .setParameter(1, username).getResultList());
    }

    Optional<Account> activeById(UUID id) {
        return first(em.createNativeQuery(
                        "select id, username, password_hash, roles from operator_account where id = ?1 and active")
                .setParameter(1, id).getResultList());
    }

    void insert(UUID id, String username, String passwordHash, String roles, Instant at) {
        em.createNativeQuery("""
                        insert into operator_account (id, username, password_hash, roles, created_at)
                        values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, id).setParameter(2, username).setParameter(3, passwordHash)
                .setParameter(4, roles).setParameter(5, at).executeUpdate();
    }

    void recordLogin(UUID id, Instant at) {
        em.createNativeQuery("update operator_account set last_login_at = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, at).executeUpdate();
    }

    void replacePasswordHash(UUID id, String passwordHash) {
        em.createNativeQuery("update operator_account set password_hash = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, passwordHash).executeUpdate();
    }

    private static Optional<Account> first(List<?> rows) {
        return rows.stream().findFirst().map(Object[].class::cast)
                .map(row -> new Account((UUID) row[0], (String) row[1], (String) row[2], (String) row[3]));
    }
}
