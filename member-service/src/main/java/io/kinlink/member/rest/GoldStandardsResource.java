package io.kinlink.member.rest;

import java.util.List;
import java.util.UUID;

import io.kinlink.member.access.ReachableMembers;
import io.kinlink.member.standards.GoldStandards;
import io.kinlink.member.standards.GoldStandardsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/members/{memberId}/gold-standards")
@Produces(MediaType.APPLICATION_JSON)
public class GoldStandardsResource {

    private final GoldStandardsService standards;
    private final ReachableMembers reachable;

    public GoldStandardsResource(GoldStandardsService standards, ReachableMembers reachable) {
        this.standards = standards;
        this.reachable = reachable;
    }

    /** The five gold standards for the current membership year and every past one, newest first. */
    @GET
    @RolesAllowed({"member", "operator"})
    public List<GoldStandards> of(@PathParam("memberId") UUID memberId) {
        reachable.require(memberId);
        return standards.of(memberId);
    }
}
