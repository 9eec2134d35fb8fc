package io.kinlink.rewards.rest;

import java.util.List;
import java.util.UUID;

import io.kinlink.platform.branch.BranchCopies;
import io.kinlink.platform.input.Paging;
import io.kinlink.platform.security.MemberReach;
import io.kinlink.rewards.redemption.PointsRedemption;
import io.kinlink.rewards.redemption.RedeemPointsRequest;
import io.kinlink.rewards.service.RewardsQueries;
import io.kinlink.rewards.service.RewardsQueries.Balance;
import io.kinlink.rewards.service.RewardsQueries.Movement;
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

@Path("/api/members/{memberId}/rewards")
@Produces(MediaType.APPLICATION_JSON)
public class RewardsResource {

    private final RewardsQueries queries;
    private final PointsRedemption redemption;
    private final MemberReach reach;
    private final BranchCopies branches;

    public RewardsResource(RewardsQueries queries, PointsRedemption redemption, MemberReach reach,
                           BranchCopies branches) {
        this.branches = branches;
        this.reach = reach;
        this.queries = queries;
        this.redemption = redemption;
    }

    /**
     * Pays with points at a till: 201 with the redemption; the same till transaction again is 200
     * with the first answer, or 409 when it differs; more than the available points is 422.
     */
    @POST
    @Path("/redemptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"partner", "operator"})
    public Response redeem(@PathParam("memberId") UUID memberId, @Valid @NotNull RedeemPointsRequest request) {
        reach.require(memberId);
        reach.requireOwnBranch(request.branch());
        branches.requireKnown("branch", request.branch());
        PointsRedemption.Result result = redemption.redeem(memberId, request);
        return Response.status(result.created() ? 201 : 200).entity(result.redemption()).build();
    }

    /** Points pending (still in the holding period) and available; 0 and 0 for a member with none. */
    @GET
    @Path("/balance")
    @RolesAllowed({"member", "partner", "operator"})
    public Balance balance(@PathParam("memberId") UUID memberId) {
        reach.require(memberId);
        return queries.balanceOf(memberId);
    }

    @GET
    @Path("/history")
    @RolesAllowed({"member", "partner", "operator"})
    public List<Movement> history(@PathParam("memberId") UUID memberId,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        reach.require(memberId);
        return queries.historyOf(memberId, page, size);
    }
}
