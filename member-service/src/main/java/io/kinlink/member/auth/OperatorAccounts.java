package io.kinlink.member.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.kinlink.platform.AdvisoryLocks;
import io.kinlink.platform.problem.ConflictProblem;
import io.kinlink.platform.problem.UnauthenticatedProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Operators' accounts and their logins: a name and password give a short-lived access token
 * (RS256, issuer {@code kinlink-auth}, audience {@code kinlink-gateway}) carrying their roles.
 */
@ApplicationScoped
public class OperatorAccounts {

    private static final Logger LOG = Logger.getLogger(OperatorAccounts.class);
    static final Set<String> ROLES = Set.of("operator", "admin");

    private final EntityManager em;
    private final AuthSettings settings;
    private final Clock clock;
    private final TokenIssuer tokens;

    public OperatorAccounts(EntityManager em, AuthSettings settings, Clock clock, TokenIssuer tokens) {
        this.em = em;
        this.settings = settings;
        this.clock = clock;
        this.tokens = tokens;
    }

    void bootstrap(@Observes StartupEvent started) {
        if (settings.bootstrapAdmin().username().isEmpty() || settings.bootstrapAdmin().password().isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            AdvisoryLocks.holdUntilCommit(em, "operator-bootstrap"); // replicas starting together make one admin
            long operators = ((Number) em.createNativeQuery("select count(*) from operator_account").getSingleResult())
                    .longValue();
            if (operators == 0) {
                insert(settings.bootstrapAdmin().username().get(), settings.bootstrapAdmin().password().get(),
                        List.of("admin", "operator"));
                LOG.infof("Bootstrapped administrator %s from configuration", settings.bootstrapAdmin().username().get());
            }
        });
    }

    /** An access token for a valid name and password; one 401 problem for any wrong combination. */
    @Transactional
    public AccessToken login(String username, String password) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select id, password_hash, roles from operator_account where username = ?1 and active")
                .setParameter(1, username).getResultList();
        boolean valid = PasswordHashes.matches(password, rows.isEmpty() ? PasswordHashes.DECOY : (String) rows.get(0)[1]);
        if (rows.isEmpty() || !valid) {
            throw loginRefused();
        }
        UUID id = (UUID) rows.get(0)[0];
        em.createNativeQuery("update operator_account set last_login_at = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, clock.instant()).executeUpdate();
        return issue(id, username, (String) rows.get(0)[2], clock.instant());
    }

    /**
     * A fresh access token for an operator still working, asked by the gateway for the console:
     * the account must still be active, and the login no older than the session limit. The login
     * time travels in {@code auth_time}, so renewing never extends that limit.
     */
    @Transactional
    public AccessToken renew(UUID operatorId, Instant loggedInAt) {
        if (!clock.instant().isBefore(loggedInAt.plus(settings.operatorSessionLimit()))) {
            throw new UnauthenticatedProblem("session-ended", "Session ended", "Log in again");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select username, roles from operator_account where id = ?1 and active")
                .setParameter(1, operatorId).getResultList();
        if (rows.isEmpty()) {
            throw new UnauthenticatedProblem("session-ended", "Session ended", "The account is no longer active");
        }
        return issue(operatorId, (String) rows.get(0)[0], (String) rows.get(0)[1], loggedInAt);
    }

    private AccessToken issue(UUID id, String username, String roles, Instant loggedInAt) {
        String token = tokens.accessToken("operator", id.toString(), Set.of(roles.split(",")),
                Map.of("name", username, "auth_time", loggedInAt.getEpochSecond()));
        return new AccessToken(token, "Bearer", tokens.accessLifetime().toSeconds());
    }

    /** An administrator adds an operator; the name must be free. */
    @Transactional
    public UUID create(String username, String password, List<String> roles) {
        long taken = ((Number) em.createNativeQuery("select count(*) from operator_account where username = ?1")
                .setParameter(1, username).getSingleResult()).longValue();
        if (taken > 0) {
            throw new ConflictProblem("operator-exists", "An operator named " + username + " exists already");
        }
        return insert(username, password, roles);
    }

    private UUID insert(String username, String password, List<String> roles) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into operator_account (id, username, password_hash, roles, created_at)
                        values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, id).setParameter(2, username).setParameter(3, PasswordHashes.hash(password))
                .setParameter(4, String.join(",", roles)).setParameter(5, clock.instant()).executeUpdate();
        return id;
    }

    /** A wrong name or password: one answer for both, so names cannot be probed. */
    private static UnauthenticatedProblem loginRefused() {
        return new UnauthenticatedProblem("login-refused", "Login refused", "The name or password is wrong");
    }

    public record AccessToken(String accessToken, String tokenType, long expiresIn) {
    }

}
