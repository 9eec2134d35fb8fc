package io.kinlink.member.rest;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.member.webhooks.DeliveryStatus;
import io.kinlink.member.webhooks.EndpointStatus;
import io.kinlink.member.webhooks.WebhookDeliveries;
import io.kinlink.member.webhooks.WebhookDelivery;
import io.kinlink.member.webhooks.WebhookEndpoint;
import io.kinlink.member.webhooks.WebhookEndpoints;
import io.kinlink.member.webhooks.WebhookEventType;
import io.kinlink.platform.input.Paging;
import io.kinlink.platform.problem.QueryEnums;
import io.kinlink.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

/** Operators register partners' webhook endpoints, read their delivery logs and replay deliveries. */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
public class WebhookResource {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final Caller caller;

    public WebhookResource(WebhookEndpoints endpoints, WebhookDeliveries deliveries, Caller caller) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.caller = caller;
    }

    /** What an endpoint may subscribe to. */
    @GET
    @Path("/event-types")
    public List<EventTypeView> eventTypes() {
        return Arrays.stream(WebhookEventType.values())
                .map(type -> new EventTypeView(type.wireName(), type.description())).toList();
    }

    /** 201 with the signing secret: store it now, it is never shown again. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@Valid @NotNull NewEndpoint request) {
        WebhookEndpoints.Created created = endpoints.register(request.partnerKeyId(), request.url().strip(),
                request.description(), request.eventTypes().stream().map(String::strip).distinct().toList(),
                caller.who());
        return Response.created(URI.create("/api/webhooks/" + created.endpoint().id())).entity(created).build();
    }

    @GET
    public List<WebhookEndpoint> list() {
        return endpoints.list();
    }

    @GET
    @Path("/{id}")
    public WebhookEndpoint get(@PathParam("id") UUID id) {
        return endpoints.get(id);
    }

    /** A new secret, shown once; the old one keeps signing beside it for the overlap. */
    @POST
    @Path("/{id}/rotate-secret")
    public WebhookEndpoints.Rotated rotateSecret(@PathParam("id") UUID id) {
        return endpoints.rotateSecret(id);
    }

    @POST
    @Path("/{id}/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    public WebhookEndpoint disable(@PathParam("id") UUID id, @Valid StatusNote note) {
        return endpoints.setStatus(id, EndpointStatus.DISABLED,
                Optional.ofNullable(note).map(StatusNote::reason), caller.who());
    }

    /** Active again, with a clean failure record; what waited goes out. */
    @POST
    @Path("/{id}/enable")
    public WebhookEndpoint enable(@PathParam("id") UUID id) {
        return endpoints.setStatus(id, EndpointStatus.ACTIVE, Optional.empty(), caller.who());
    }

    /** The endpoint's deliveries, newest first, with status, tries and the last latency. */
    @GET
    @Path("/{id}/deliveries")
    public WebhookDelivery.Page log(@PathParam("id") UUID id, @QueryParam("status") String status,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                    @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return deliveries.log(id, Optional.ofNullable(status)
                .map(value -> QueryEnums.parse(DeliveryStatus.class, "status", value)), page, size);
    }

    /** One delivery with every try. */
    @GET
    @Path("/deliveries/{deliveryId}")
    public WebhookDelivery delivery(@PathParam("deliveryId") UUID deliveryId) {
        return deliveries.get(deliveryId);
    }

    @POST
    @Path("/deliveries/{deliveryId}/replay")
    public WebhookDelivery replay(@PathParam("deliveryId") UUID deliveryId) {
        return deliveries.replay(deliveryId, caller.who());
    }

    public record NewEndpoint(@NotNull UUID partnerKeyId, @NotBlank @Size(max = 2000) String url,
                              @Size(max = 200) String description,
                              @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 40) String> eventTypes) {
    }

    public record StatusNote(@Size(max = 300) String reason) {
    }

    public record EventTypeView(String type, String description) {
    }
}
