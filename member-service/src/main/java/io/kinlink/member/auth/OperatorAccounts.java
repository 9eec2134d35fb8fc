package io.kinlink.member.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.kinlink.platform.problem.ConflictProblem;
import io.kinlink.platform.problem.UnauthenticatedProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/**
 * Operators' accounts and their logins: a name and password give a short-lived access token
 * (RS256, issuer {@code kinlink-auth}, audience {@code kinlink-gateway}) carrying their roles.
 */
@ApplicationScoped
public class OperatorAccounts {

    private static final Logger LOG = Logger.getLogger(OperatorAccounts.class);
    static final Set<String> ROLES = Set.of("operator", "admin");

    private final OperatorAccountRepository accounts;
    private final AuthSettings settings;
    private final Clock clock;
    private final TokenIssuer tokens;

    OperatorAccounts(OperatorAccountRepository accounts, AuthSettings settings, Clock clock, TokenIssuer tokens) {
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
        this.tokens = tokens;
    }

    void bootstrap(@Observes StartupEvent started) {
        if (settings.bootstrapAdmin().username().isEmpty() || settings.bootstrapAdmin().password().isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            accounts.lockBootstrap();
            long operators = accounts.count();
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
        Optional<OperatorAccountRepository.Account> account = accounts.activeByUsername(username);
        boolean valid = PasswordHashes.matches(password,
                account.map(OperatorAccountRepository.Account::passwordHash).orElse(PasswordHashes.DECOY));
        if (account.isEmpty() || !valid) {
            throw loginRefused();
        }
        accounts.recordLogin(account.get().id(), clock.instant());
        if (PasswordHashes.outdated(account.get().passwordHash())) {
            accounts.replacePasswordHash(account.get().id(), PasswordHashes.hash(password));
        }
        return issue(account.get().id(), username, account.get().roles(), clock.instant());
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
        OperatorAccountRepository.Account account = accounts.activeById(operatorId).orElseThrow(() ->
                new UnauthenticatedProblem("session-ended", "Session ended", "The account is no longer active"));
        return issue(operatorId, account.username(), account.roles(), loggedInAt);
    }

    private AccessToken issue(UUID id, String username, String roles, Instant loggedInAt) {
        String token = tokens.accessToken("operator", id.toString(), Set.of(roles.split(",")),
                Map.of("name", username, "auth_time", loggedInAt.getEpochSecond()));
        return new AccessToken(token, "Bearer", tokens.accessLifetime().toSeconds());
    }

    /** An administrator adds an operator; the name must be free. */
    @Transactional
    public UUID create(String username, String password, List<String> roles) {
        if (accounts.usernameTaken(username)) {
            throw new ConflictProblem("operator-exists", "An operator named " + username + " exists already");
        }
        return insert(username, password, roles);
    }

    private UUID insert(String username, String password, List<String> roles) {
        UUID id = UUID.randomUUID();
        accounts.insert(id, username, PasswordHashes.hash(password), String.join(",", roles), clock.instant());
        return id;
    }

    /** A wrong name or password: one answer for both, so names cannot be probed. */
    private static UnauthenticatedProblem loginRefused() {
        return new UnauthenticatedProblem("login-refused", "Login refused", "The name or password is wrong");
    }

    public record AccessToken(String accessToken, String tokenType, long expiresIn) {
    }
}
