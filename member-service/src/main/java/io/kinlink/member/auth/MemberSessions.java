package io.kinlink.member.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.kinlink.member.MemberStatus;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.platform.problem.UnauthenticatedProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * A member's logins. Each gives an access token (15 minutes) and a refresh token (30 days) that
 * can be spent once for a new pair. A refresh token spent a second time means it was copied: the
 * whole session ends, so the thief's copy and the member's both stop working.
 */
@ApplicationScoped
public class MemberSessions {

    private final EntityManager em;
    private final MemberRepository members;
    private final TokenIssuer tokens;
    private final AuthSettings settings;
    private final Clock clock;

    public MemberSessions(EntityManager em, MemberRepository members, TokenIssuer tokens, AuthSettings settings,
                          Clock clock) {
        this.em = em;
        this.members = members;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new session for a member who just proved their phone. */
    @Transactional
    public TokenIssuer.Tokens start(UUID memberId) {
        requireActive(memberId);
        UUID session = UUID.randomUUID();
        em.createNativeQuery("insert into member_session (id, member_id, created_at) values (?1, ?2, ?3)")
                .setParameter(1, session).setParameter(2, memberId).setParameter(3, clock.instant()).executeUpdate();
        return tokensFor(memberId, session);
    }

    /** A new pair for an unspent refresh token of a live session; the old one is spent. */
    @Transactional(dontRollbackOn = UnauthenticatedProblem.class)
    public TokenIssuer.Tokens refresh(String refreshToken) {
        UUID tokenId = tokens.refreshTokenId(refreshToken).orElseThrow(MemberSessions::sessionEnded);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select s.id, s.member_id, s.ended_at, t.used_at from refresh_token t
                        join member_session s on s.id = t.session_id where t.id = ?1 for update of s, t""")
                .setParameter(1, tokenId).getResultList();
        if (rows.isEmpty() || rows.get(0)[2] != null) {
            throw sessionEnded();
        }
        UUID session = (UUID) rows.get(0)[0];
        UUID memberId = (UUID) rows.get(0)[1];
        Instant now = clock.instant();
        if (rows.get(0)[3] != null) {
            end(session, "refresh-token-reused");
            throw sessionEnded();
        }
        em.createNativeQuery("update refresh_token set used_at = ?2 where id = ?1")
                .setParameter(1, tokenId).setParameter(2, now).executeUpdate();
        requireActive(memberId);
        return tokensFor(memberId, session);
    }

    /** Logging out: the session's refresh tokens stop working (access tokens run out within minutes). */
    @Transactional
    public void logout(String refreshToken) {
        tokens.refreshTokenId(refreshToken).ifPresent(tokenId -> em.createNativeQuery("""
                        update member_session set ended_at = ?2, ended_why = 'logout'
                        where ended_at is null and id = (select session_id from refresh_token where id = ?1)""")
                .setParameter(1, tokenId).setParameter(2, clock.instant()).executeUpdate());
    }

    /** Suspension and erasure end every session of the member. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endAll(UUID memberId, String why) {
        em.createNativeQuery("update member_session set ended_at = ?2, ended_why = ?3 where member_id = ?1 and ended_at is null")
                .setParameter(1, memberId).setParameter(2, clock.instant()).setParameter(3, why).executeUpdate();
    }

    private void end(UUID session, String why) {
        em.createNativeQuery("update member_session set ended_at = ?2, ended_why = ?3 where id = ?1")
                .setParameter(1, session).setParameter(2, clock.instant()).setParameter(3, why).executeUpdate();
    }

    private void requireActive(UUID memberId) {
        boolean active = members.findByIdOptional(memberId).map(member -> member.status() == MemberStatus.ACTIVE)
                .orElse(false);
        if (!active) {
            throw sessionEnded();
        }
    }

    /** One 401 for a refresh token that is not ours, expired, spent, or of an ended session. */
    private static UnauthenticatedProblem sessionEnded() {
        return new UnauthenticatedProblem("session-ended", "Session ended", "Log in again with a code sent to your phone");
    }

    private TokenIssuer.Tokens tokensFor(UUID memberId, UUID session) {
        UUID tokenId = UUID.randomUUID();
        em.createNativeQuery("insert into refresh_token (id, session_id, expires_at) values (?1, ?2, ?3)")
                .setParameter(1, tokenId).setParameter(2, session)
                .setParameter(3, clock.instant().plus(settings.refreshTokenLifetime())).executeUpdate();
        String access = tokens.accessToken("member", memberId.toString(), Set.of("member"), Map.of());
        return new TokenIssuer.Tokens(access, "Bearer", tokens.accessLifetime().toSeconds(),
                tokens.refreshToken(memberId, tokenId));
    }

}
