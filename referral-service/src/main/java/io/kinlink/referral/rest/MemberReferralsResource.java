package io.kinlink.referral.rest;

import java.util.UUID;

import io.kinlink.platform.input.Paging;
import io.kinlink.platform.security.MemberReach;
import io.kinlink.referral.analytics.NetworkSize;
import io.kinlink.referral.api.MyReferralsView;
import io.kinlink.referral.api.ShareRequest;
import io.kinlink.referral.service.ReferralQueries;
import io.kinlink.referral.service.ShareService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A member's side of referrals: the friends they brought, their network, and shares of their link.
 * A member sees their own; operators see anyone's; partners have no business here.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"member", "operator"})
public class MemberReferralsResource {

    private final ReferralQueries queries;
    private final ShareService shares;
    private final MemberReach reach;

    public MemberReferralsResource(ReferralQueries queries, ShareService shares,
                                   MemberReach reach) {
        this.reach = reach;
        this.queries = queries;
        this.shares = shares;
    }

    @GET
    @Path("/members/{memberId}/referrals")
    public MyReferralsView referrals(@PathParam("memberId") UUID memberId,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        reach.require(memberId);
        return queries.referralsOf(memberId, page, size);
    }

    @GET
    @Path("/members/{memberId}/network")
    public NetworkSize network(@PathParam("memberId") UUID memberId) {
        reach.require(memberId);
        return queries.networkOf(memberId);
    }

    @POST
    @Path("/members/{memberId}/shares")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response share(@PathParam("memberId") UUID memberId, @Valid @NotNull ShareRequest request) {
        reach.require(memberId);
        return Response.status(201).entity(shares.record(memberId, request)).build();
    }
}
