package io.kinlink.member.rest;

import java.util.UUID;

import io.kinlink.member.access.ReachableMembers;
import io.kinlink.member.consent.ConsentView;
import io.kinlink.member.consent.Consents;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A member's consents (PIPL): which notice they accepted and when, marketing given and withdrawn. */
@Path("/api/members/{memberId}/consents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"member", "operator"})
public class ConsentResource {

    private final Consents consents;
    private final ReachableMembers reachable;

    public ConsentResource(Consents consents, ReachableMembers reachable) {
        this.consents = consents;
        this.reachable = reachable;
    }

    /** Kept after erasure: the proof of consent holds no personal data. */
    @GET
    public ConsentView get(@PathParam("memberId") UUID memberId) {
        reachable.require(memberId);
        return consents.of(memberId);
    }

    /** The member accepts the notice in force (after a new version was published). */
    @POST
    @Path("/privacy-notice")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConsentView accept(@PathParam("memberId") UUID memberId, @Valid @NotNull Acceptance acceptance) {
        reachable.require(memberId);
        return consents.acceptNotice(memberId, acceptance.privacyNoticeVersion(), "APP");
    }

    public record Acceptance(@NotNull Integer privacyNoticeVersion) {
    }
}
