package io.kinlink.rewards.rest;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.kinlink.rewards.coupons.CouponRequests;
import io.kinlink.rewards.coupons.CouponTemplate;
import io.kinlink.rewards.coupons.CouponTemplateView;
import io.kinlink.rewards.coupons.CouponTemplates;
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
import jakarta.ws.rs.core.Response;

/** Operators' coupon templates. A template is retired, never edited: issued coupons keep their terms. */
@RolesAllowed("operator") // operators' views and controls; members and partners have their own
@Path("/api/rewards/coupon-templates")
@Produces(MediaType.APPLICATION_JSON)
public class CouponTemplateResource {

    private final CouponTemplates templates;
    private final Clock clock;

    public CouponTemplateResource(CouponTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull CouponRequests.NewTemplate request) {
        CouponTemplate template = templates.create(new CouponTemplate(request.name().strip(),
                request.faceValueFen(), request.minSpendFen(), request.validDays(), request.perMemberLimit(),
                clock.instant()));
        return Response.status(201).entity(CouponTemplateView.of(template)).build();
    }

    @GET
    public List<CouponTemplateView> list() {
        return templates.all().stream().map(CouponTemplateView::of).toList();
    }

    @POST
    @Path("/{templateId}/retire")
    public CouponTemplateView retire(@PathParam("templateId") UUID templateId) {
        return CouponTemplateView.of(templates.retire(templateId));
    }
}
