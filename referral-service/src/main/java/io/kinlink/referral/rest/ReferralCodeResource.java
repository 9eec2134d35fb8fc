package io.kinlink.referral.rest;

import java.util.UUID;

import io.kinlink.platform.security.MemberReach;
import io.kinlink.referral.api.ReferralCodeLookup;
import io.kinlink.referral.api.ReferralCodeResponse;
import io.kinlink.referral.service.ReferralQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralCodeResource {

    private final ReferralQueries queries;
    private final MemberReach reach;

    public ReferralCodeResource(ReferralQueries queries, MemberReach reach) {
        this.queries = queries;
        this.reach = reach;
    }

    /** The member's code and share link; 404 until the registration has reached this service. */
    @GET
    @Path("/members/{memberId}/referral-code")
    @RolesAllowed({"member", "operator"})
    public ReferralCodeResponse codeOf(@PathParam("memberId") UUID memberId) {
        reach.require(memberId);
        return queries.codeOf(memberId);
    }

    /** Open to everyone. Whether a code exists and whose it is (name masked), for apps that check a code before sign-up. */
    @GET
    @Path("/referral-codes/{code}")
    public ReferralCodeLookup lookup(@PathParam("code") String code) {
        return queries.lookup(code);
    }
}
