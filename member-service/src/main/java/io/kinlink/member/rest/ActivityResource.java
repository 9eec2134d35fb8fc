package io.kinlink.member.rest;

import java.net.URI;

import io.kinlink.member.access.ReachableMembers;
import io.kinlink.member.service.RefundService;
import io.kinlink.member.service.RefundService.RecordedRefund;
import io.kinlink.member.service.SatisfactionService;
import io.kinlink.member.service.VisitService;
import io.kinlink.member.service.VisitService.RecordedVisit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Refunds, check-ins and satisfaction scores that partners record; retries of the first two answer 200. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityResource {

    private final RefundService refunds;
    private final VisitService visits;
    private final SatisfactionService satisfaction;

    private final ReachableMembers reachable;

    public ActivityResource(RefundService refunds, VisitService visits, SatisfactionService satisfaction,
                            ReachableMembers reachable) {
        this.reachable = reachable;
        this.refunds = refunds;
        this.visits = visits;
        this.satisfaction = satisfaction;
    }

    /** A score of 1 to 5 for a visit or purchase; 409 when that one was scored already. */
    @POST
    @Path("/satisfaction")
    @RolesAllowed({"member", "partner", "operator"})
    public Response score(@Valid @NotNull RecordSatisfactionRequest request) {
        reachable.require(request.memberId());
        SatisfactionResponse body = SatisfactionResponse.from(satisfaction.record(request.memberId(),
                request.visitId(), request.purchaseId(), request.score(),
                request.complaint() == null || request.complaint().isBlank() ? null : request.complaint().strip()));
        return Response.created(URI.create("/api/satisfaction/" + body.id())).entity(body).build();
    }

    @POST
    @Path("/refunds")
    @RolesAllowed({"partner", "operator"})
    public Response refund(@Valid @NotNull RecordRefundRequest request) {
        reachable.requirePurchase(request.purchaseId());
        RecordedRefund recorded = refunds.record(request.toNewRefund());
        RefundResponse body = RefundResponse.from(recorded.refund());
        return recorded.created()
                ? Response.created(URI.create("/api/refunds/" + body.id())).entity(body).build()
                : Response.ok(body).build();
    }

    @POST
    @Path("/visits")
    @RolesAllowed({"partner", "operator"})
    public Response visit(@Valid @NotNull RecordVisitRequest request) {
        reachable.requireAt(request.memberId(), request.branch());
        RecordedVisit recorded = visits.record(request.toNewVisit());
        VisitResponse body = VisitResponse.from(recorded.visit());
        return recorded.created()
                ? Response.created(URI.create("/api/visits/" + body.id())).entity(body).build()
                : Response.ok(body).build();
    }
}
