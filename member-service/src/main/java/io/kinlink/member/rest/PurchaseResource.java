package io.kinlink.member.rest;

import java.net.URI;

import io.kinlink.member.access.ReachableMembers;
import io.kinlink.member.service.PurchaseService;
import io.kinlink.member.service.PurchaseService.RecordedPurchase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/purchases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PurchaseResource {

    private final PurchaseService purchases;
    private final ReachableMembers reachable;

    public PurchaseResource(PurchaseService purchases, ReachableMembers reachable) {
        this.purchases = purchases;
        this.reachable = reachable;
    }

    /** 201 for a new purchase, 200 with the first result for a retry of the same transaction. */
    @POST
    @RolesAllowed({"partner", "operator"})
    public Response record(@Valid @NotNull RecordPurchaseRequest request) {
        reachable.requireAt(request.memberId(), request.branch());
        RecordedPurchase recorded = purchases.record(request.toNewPurchase());
        PurchaseResponse body = PurchaseResponse.from(recorded.purchase());
        return recorded.created()
                ? Response.created(URI.create("/api/purchases/" + body.id())).entity(body).build()
                : Response.ok(body).build();
    }
}
