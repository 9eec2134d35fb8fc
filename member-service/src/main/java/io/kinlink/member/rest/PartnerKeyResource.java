package io.kinlink.member.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.kinlink.member.partner.PartnerKeys;
import io.kinlink.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Operators give partners (branch tills, booking platforms) their API keys and take them back. */
@Path("/api/partner-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
public class PartnerKeyResource {

    private final PartnerKeys keys;
    private final Caller caller;

    public PartnerKeyResource(PartnerKeys keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    /** 201 with the key: store it now, it is never shown again. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewKey request) {
        PartnerKeys.CreatedKey created = keys.create(request.name().strip(), request.branches().stream().map(String::strip)
                .distinct().toList(), request.requestsPerMinute() == null ? 600 : request.requestsPerMinute(),
                caller.who());
        return Response.created(URI.create("/api/partner-keys/" + created.partnerKey().id())).entity(created).build();
    }

    @GET
    public List<PartnerKeys.PartnerKeyView> list() {
        return keys.list();
    }

    /** Stops the key at once: its next request is refused. */
    @POST
    @Path("/{keyId}/revoke")
    public PartnerKeys.PartnerKeyView revoke(@PathParam("keyId") UUID keyId) {
        return keys.revoke(keyId, caller.who());
    }

    public record NewKey(@NotBlank @Size(max = 100) String name,
                         @NotEmpty @Size(max = 50) List<@NotBlank @Pattern(regexp = "[^,]{1,64}",
                                 message = "must be 1 to 64 characters without commas") String> branches,
                         @Min(1) @Max(100_000) Integer requestsPerMinute) {
    }
}
