package io.kinlink.member.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Members' sessions ({@code member_session}) and their refresh tokens ({@code refresh_token}). */
@ApplicationScoped
class SessionRepository {

    /** A refresh token with its session, as locked for spending it. */
    record TokenInSession(UUID session, UUID memberId, boolean sessionEnded, boolean tokenUsed) {
    }

    private final EntityManager em;

    SessionRepository(EntityManager em) {
        this.em = em;
    }

    void insertSession(UUID session, UUID memberId, Instant at) {
        em.createNativeQuery("insert into member_session (id, member_id, created_at) values (?1, ?2, ?3)")
                .setParameter(1, session).setParameter(2, memberId).setParameter(3, at).executeUpdate();
    }

    void insertRefreshToken(UUID tokenId, UUID session, Instant expiresAt) {
        em.createNativeQuery("insert into refresh_token (id, session_id, expires_at) values (?1, ?2, ?3)")
                .setParameter(1, tokenId).setParameter(2, session).setParameter(3, expiresAt).executeUpdate();
    }

    /** The token and its session, both locked until the transaction ends; empty for a token not issued here. */
    Optional<TokenInSession> lockToken(UUID tokenId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select s.id, s.member_id, s.ended_at, t.used_at from refresh_token t
                        join member_session s on s.id = t.session_id where t.id = ?1 for update of s, t""")
                .setParameter(1, tokenId).getResultList();
        return rows.stream().findFirst()
                .map(row -> new TokenInSession((UUID) row[0], (UUID) row[1], row[2] != null, row[3] != null));
    }

    void markUsed(UUID tokenId, Instant at) {
        em.createNativeQuery("update refresh_token set used_at = ?2 where id = ?1")
                .setParameter(1, tokenId).setParameter(2, at).executeUpdate();
    }

    /** Ends the session the token belongs to, unless it has ended. */
    void endSessionOf(UUID tokenId, Instant at) {
        em.createNativeQuery("""
                        update member_session set ended_at = ?2, ended_why = 'logout'
                        where ended_at is null and id = (select session_id from refresh_token where id = ?1)""")
                .setParameter(1, tokenId).setParameter(2, at).executeUpdate();
    }

    void endAll(UUID memberId, Instant at, String why) {
        em.createNativeQuery("update member_session set ended_at = ?2, ended_why = ?3 where member_id = ?1 and ended_at is null")
                .setParameter(1, memberId).setParameter(2, at).setParameter(3, why).executeUpdate();
    }

    void end(UUID session, Instant at, String why) {
        em.createNativeQuery("update member_session set ended_at = ?2, ended_why = ?3 where id = ?1")
                .setParameter(1, session).setParameter(2, at).setParameter(3, why).executeUpdate();
    }
}
