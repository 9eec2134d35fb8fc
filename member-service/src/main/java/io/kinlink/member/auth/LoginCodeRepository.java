package io.kinlink.member.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.AdvisoryLocks;
import io.kinlink.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Login codes ({@code login_code}, one per phone) and the requests for them ({@code login_code_request}). */
@ApplicationScoped
class LoginCodeRepository {

    /** A code waiting for its phone, as a guess reads it. */
    record WaitingCode(UUID memberId, String codeHash, Instant expiresAt, int attempts) {
    }

    /** Who asked: by phone or by client address (both as keyed hashes). */
    enum Asker {
        PHONE("phone_hash"), ADDRESS("address_hash");

        private final String column;

        Asker(String column) {
            this.column = column;
        }
    }

    private final EntityManager em;

    LoginCodeRepository(EntityManager em) {
        this.em = em;
    }

    /** Serializes requests for one phone until the transaction ends, so its limits hold under concurrency. */
    void lockPhone(String phoneHash) {
        AdvisoryLocks.holdUntilCommit(em, "login-code:" + phoneHash);
    }

    void recordRequest(String phoneHash, String addressHash, Instant at) {
        em.createNativeQuery("insert into login_code_request (phone_hash, address_hash, requested_at) values (?1, ?2, ?3)")
                .setParameter(1, phoneHash).setParameter(2, addressHash).setParameter(3, at).executeUpdate();
    }

    /** The asker's latest request; empty when they never asked. */
    Optional<Instant> latestRequest(Asker asker, String hash) {
        Object latest = em.createNativeQuery("select max(requested_at) from login_code_request where " + asker.column
                        + " = ?1")
                .setParameter(1, hash).getSingleResult();
        return Optional.ofNullable(latest).map(SqlTimes::instant);
    }

    /** The asker's requests since {@code since}, newest first, at most {@code limit}. */
    List<Instant> requestsSince(Asker asker, String hash, Instant since, int limit) {
        @SuppressWarnings("unchecked")
        List<Object> times = em.createNativeQuery("select requested_at from login_code_request where " + asker.column
                        + " = ?1 and requested_at > ?2 order by requested_at desc limit ?3")
                .setParameter(1, hash).setParameter(2, since).setParameter(3, limit).getResultList();
        return times.stream().map(SqlTimes::instant).toList();
    }

    /** Stores the phone's code, replacing any earlier one, with no attempts. */
    void store(String phoneHash, UUID memberId, String codeHash, Instant expiresAt) {
        em.createNativeQuery("""
                        insert into login_code (phone_hash, member_id, code_hash, expires_at, attempts)
                        values (?1, ?2, ?3, ?4, 0)
                        on conflict (phone_hash) do update
                        set member_id = excluded.member_id, code_hash = excluded.code_hash,
                            expires_at = excluded.expires_at, attempts = 0""")
                .setParameter(1, phoneHash).setParameter(2, memberId).setParameter(3, codeHash)
                .setParameter(4, expiresAt).executeUpdate();
    }

    /** The phone's code, locked until the transaction ends, so parallel guesses are counted one by one. */
    Optional<WaitingCode> lockCode(String phoneHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select member_id, code_hash, expires_at, attempts from login_code
                        where phone_hash = ?1 for update""")
                .setParameter(1, phoneHash).getResultList();
        return rows.stream().findFirst().map(row -> new WaitingCode((UUID) row[0], (String) row[1],
                SqlTimes.instant(row[2]), ((Number) row[3]).intValue()));
    }

    void setAttempts(String phoneHash, int attempts) {
        em.createNativeQuery("update login_code set attempts = ?2 where phone_hash = ?1")
                .setParameter(1, phoneHash).setParameter(2, attempts).executeUpdate();
    }

    void delete(String phoneHash) {
        em.createNativeQuery("delete from login_code where phone_hash = ?1").setParameter(1, phoneHash).executeUpdate();
    }
}
