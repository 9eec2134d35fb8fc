package io.kinlink.rewards.rest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.branch.BranchCopies;
import io.kinlink.platform.problem.QueryEnums;
import io.kinlink.platform.security.MemberReach;
import io.kinlink.rewards.coupons.CouponRequests;
import io.kinlink.rewards.coupons.CouponService;
import io.kinlink.rewards.coupons.CouponStatus;
import io.kinlink.rewards.coupons.CouponView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A member's coupons: listed for the member, issued by staff, redeemed and voided at the till. */
@Path("/api/members/{memberId}/rewards/coupons")
@Produces(MediaType.APPLICATION_JSON)
public class CouponResource {

    private final CouponService coupons;
    private final MemberReach reach;
    private final BranchCopies branches;

    public CouponResource(CouponService coupons, MemberReach reach, BranchCopies branches) {
        this.branches = branches;
        this.coupons = coupons;
        this.reach = reach;
    }

    @GET
    @RolesAllowed({"member", "partner", "operator"})
    public List<CouponView> list(@PathParam("memberId") UUID member, @QueryParam("status") String status) {
        reach.require(member);
        return coupons.couponsOf(member, Optional.ofNullable(status)
                        .map(value -> QueryEnums.parse(CouponStatus.class, "status", value))).stream()
                .map(CouponView::of).toList();
    }

    /** 201 with the new coupon; 200 with the same coupon when the request id was used before. */
    @POST
    @RolesAllowed("operator")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("memberId") UUID member, @Valid @NotNull CouponRequests.Issue request) {
        CouponService.Result result = coupons.issueOnRequest(member, request);
        return Response.status(result.changed() ? 201 : 200).entity(CouponView.of(result.coupon())).build();
    }

    /** 201 when used now; 200 when the till retries the same transaction; 409 used elsewhere; 422 not usable. */
    @POST
    @Path("/{couponId}/redemptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"partner", "operator"})
    public Response redeem(@PathParam("memberId") UUID member, @PathParam("couponId") UUID couponId,
                           @Valid @NotNull CouponRequests.Redeem request) {
        reach.require(member);
        reach.requireOwnBranch(request.branch());
        branches.requireKnown("branch", request.branch());
        CouponService.Result result = coupons.redeem(member, couponId, request.externalTransactionId(),
                request.orderAmountFen(), request.branch());
        return Response.status(result.changed() ? 201 : 200).entity(CouponView.of(result.coupon())).build();
    }

    @POST
    @Path("/{couponId}/void")
    @RolesAllowed("operator")
    @Consumes(MediaType.APPLICATION_JSON)
    public CouponView voidCoupon(@PathParam("memberId") UUID member, @PathParam("couponId") UUID couponId,
                                 @Valid @NotNull CouponRequests.VoidCoupon request) {
        return CouponView.of(coupons.voidCoupon(member, couponId, request.reason(), "OPERATOR", couponId.toString()));
    }
}
