package io.kinlink.platform.security;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.platform.problem.Problem;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JWTAuthMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * Verifies the identity the gateway forwards exactly as smallrye-jwt does, and answers a call
 * without a valid one (no token, expired, forged) with a 401 problem like every other failure,
 * instead of the framework's empty 401: whoever reaches a service directly learns why.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class GatewayIdentityMechanism implements HttpAuthenticationMechanism {

    private final JWTAuthMechanism jwt;
    private final ObjectMapper json;

    public GatewayIdentityMechanism(JWTAuthMechanism jwt, ObjectMapper json) {
        this.jwt = jwt;
        this.json = json;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        // smallrye-jwt names itself the request's mechanism; naming this one instead makes a refused
        // token's challenge come from here as well
        return jwt.authenticate(context, identities).onTermination()
                .invoke(() -> context.put(HttpAuthenticationMechanism.class.getName(), this));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return jwt.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        String requestId = context.request().getHeader("X-Request-Id");
        Problem problem = new Problem(Problem.type("unauthenticated"), "Unauthenticated", 401,
                "This service answers only calls that carry the identity the gateway forwards; call it through "
                        + "the gateway", context.request().path(), requestId, List.of());
        var response = context.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer")
                .putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (requestId != null) {
            response.putHeader("X-Request-Id", requestId);
        }
        try {
            response.end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            response.end();
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return jwt.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return jwt.getCredentialTransport(context);
    }

    /** Ahead of smallrye-jwt's own mechanism, so that this one sends the challenge. */
    @Override
    public int getPriority() {
        return jwt.getPriority() + 1;
    }
}
