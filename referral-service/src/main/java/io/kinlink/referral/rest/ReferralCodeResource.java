package io.kinlink.referral.rest;

import java.util.UUID;

import io.kinlink.referral.service.ReferralQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralCodeResource {

    private final ReferralQueries queries;

    public ReferralCodeResource(ReferralQueries queries) {
        this.queries = queries;
    }

    /** The member's code and share link; 404 until the registration has reached this service. */
    @GET
    @Path("/members/{memberId}/referral-code")
    public ReferralCodeResponse codeOf(@PathParam("memberId") UUID memberId) {
        return queries.codeOf(memberId);
    }

    /** Whether a code exists and whose it is (name masked), for apps that check a code before sign-up. */
    @GET
    @Path("/referral-codes/{code}")
    public ReferralCodeLookup lookup(@PathParam("code") String code) {
        return queries.lookup(code);
    }
}
