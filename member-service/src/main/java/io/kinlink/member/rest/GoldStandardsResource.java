package io.kinlink.member.rest;

import java.util.List;
import java.util.UUID;

import io.kinlink.member.standards.GoldStandards;
import io.kinlink.member.standards.GoldStandardsService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/members/{memberId}/gold-standards")
@Produces(MediaType.APPLICATION_JSON)
public class GoldStandardsResource {

    private final GoldStandardsService standards;

    public GoldStandardsResource(GoldStandardsService standards) {
        this.standards = standards;
    }

    /** The five gold standards for the current membership year and every past one, newest first. */
    @GET
    public List<GoldStandards> of(@PathParam("memberId") UUID memberId) {
        return standards.of(memberId);
    }
}
