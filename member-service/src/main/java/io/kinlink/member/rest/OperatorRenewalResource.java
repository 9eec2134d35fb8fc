package io.kinlink.member.rest;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.member.auth.OperatorAccounts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * For the gateway only (not routed from outside): a fresh access token for an operator working in
 * the console, whose current token the gateway has verified. 401 once the session limit has passed
 * or the account was deactivated.
 */
@Path("/internal/operator-tokens/renewal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("gateway")
public class OperatorRenewalResource {

    private final OperatorAccounts operators;

    public OperatorRenewalResource(OperatorAccounts operators) {
        this.operators = operators;
    }

    @POST
    public OperatorAccounts.AccessToken renew(@Valid @NotNull Renewal renewal) {
        return operators.renew(renewal.operatorId(), renewal.loggedInAt());
    }

    /** @param loggedInAt the {@code auth_time} of the token being renewed */
    public record Renewal(@NotNull UUID operatorId, @NotNull Instant loggedInAt) {
    }
}
