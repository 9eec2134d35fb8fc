package io.kinlink.member.auth;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.kinlink.member.MemberStatus;
import io.kinlink.member.auth.SessionRepository.TokenInSession;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.platform.problem.UnauthenticatedProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A member's logins. Each gives an access token (15 minutes) and a refresh token (30 days) that
 * can be spent once for a new pair. A refresh token spent a second time means it was copied: the
 * whole session ends, so the thief's copy and the member's both stop working.
 */
@ApplicationScoped
public class MemberSessions {

    private final SessionRepository sessions;
    private final MemberRepository members;
    private final TokenIssuer tokens;
    private final AuthSettings settings;
    private final Clock clock;

    MemberSessions(SessionRepository sessions, MemberRepository members, TokenIssuer tokens, AuthSettings settings,
                          Clock clock) {
        this.sessions = sessions;
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
        sessions.insertSession(session, memberId, clock.instant());
        return tokensFor(memberId, session);
    }

    /** A new pair for an unspent refresh token of a live session; the old one is spent. */
    @Transactional(dontRollbackOn = UnauthenticatedProblem.class)
    public TokenIssuer.Tokens refresh(String refreshToken) {
        UUID tokenId = tokens.refreshTokenId(refreshToken).orElseThrow(MemberSessions::sessionEnded);
        TokenInSession found = sessions.lockToken(tokenId).filter(token -> !token.sessionEnded())
                .orElseThrow(MemberSessions::sessionEnded);
        if (found.tokenUsed()) {
            end(found.session(), "refresh-token-reused");
            throw sessionEnded();
        }
        sessions.markUsed(tokenId, clock.instant());
        requireActive(found.memberId());
        return tokensFor(found.memberId(), found.session());
    }

    /** Logging out: the session's refresh tokens stop working (access tokens run out within minutes). */
    @Transactional
    public void logout(String refreshToken) {
        tokens.refreshTokenId(refreshToken).ifPresent(tokenId -> sessions.endSessionOf(tokenId, clock.instant()));
    }

    /** Suspension and erasure end every session of the member. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endAll(UUID memberId, String why) {
        sessions.endAll(memberId, clock.instant(), why);
    }

    private void end(UUID session, String why) {
        sessions.end(session, clock.instant(), why);
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
        sessions.insertRefreshToken(tokenId, session, clock.instant().plus(settings.refreshTokenLifetime()));
        String access = tokens.accessToken("member", memberId.toString(), Set.of("member"), Map.of());
        return new TokenIssuer.Tokens(access, "Bearer", tokens.accessLifetime().toSeconds(),
                tokens.refreshToken(memberId, tokenId));
    }
}
