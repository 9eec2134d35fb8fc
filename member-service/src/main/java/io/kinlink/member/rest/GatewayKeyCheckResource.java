package io.kinlink.member.rest;

import java.util.UUID;

import io.kinlink.member.partner.PartnerKeys;
import io.kinlink.platform.problem.UnauthenticatedProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * For the gateway only (not routed from outside): is this partner key live, and is the member a
 * request is about within its branches? The gateway reuses an answer for at most a second (per key
 * and member), so a revocation applies within one.
 */
@Path("/internal/partner-keys/verification")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("gateway")
public class GatewayKeyCheckResource {

    private final PartnerKeys keys;

    public GatewayKeyCheckResource(PartnerKeys keys) {
        this.keys = keys;
    }

    @POST
    public PartnerKeys.VerifiedKey verify(@Valid @NotNull KeyCheck check) {
        return keys.verify(check.key(), check.memberId()).orElseThrow(() -> new UnauthenticatedProblem("invalid-api-key",
                "Invalid API key", "The API key is unknown or revoked"));
    }

    public record KeyCheck(@NotNull @Size(max = 200) String key, UUID memberId) {
    }

}
