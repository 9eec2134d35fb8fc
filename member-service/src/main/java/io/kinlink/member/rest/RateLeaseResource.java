package io.kinlink.member.rest;

import io.kinlink.member.ratelimit.RateBuckets;
import io.kinlink.member.ratelimit.RateLease;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * For the gateway only (not routed from outside): tokens of a limit every gateway replica shares.
 * A replica takes a few at a time and spends them locally; what it did not use comes back with its
 * next lease. The limit holds across replicas to within one lease each (see the gateway's README).
 */
@Path("/internal/rate-leases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("gateway")
public class RateLeaseResource {

    private final RateBuckets buckets;

    public RateLeaseResource(RateBuckets buckets) {
        this.buckets = buckets;
    }

    @POST
    public Granted lease(@Valid @NotNull LeaseRequest request) {
        int wanted = Math.min(request.wanted(), request.burst());
        RateLease lease = buckets.lease(request.bucket(), request.perMinute(), request.burst(), wanted,
                Math.min(request.returned(), request.burst()));
        return new Granted(lease.granted(), lease.granted() > 0 ? 0 : lease.secondsUntilNextToken(request.perMinute()));
    }

    /**
     * @param bucket   a keyed hash of what is limited (the gateway never sends an address or a key)
     * @param returned tokens of this replica's previous lease it did not spend
     */
    public record LeaseRequest(@NotNull @Pattern(regexp = "[0-9a-f]{64}") String bucket,
                               @Min(1) @Max(100_000_000) int perMinute,
                               @Min(1) @Max(10_000_000) int burst,
                               @Min(1) @Max(10_000_000) int wanted,
                               @Min(0) @Max(10_000_000) int returned) {
    }

    /** @param retryAfterSeconds when nothing was granted, whole seconds until the bucket holds a token again */
    public record Granted(int granted, long retryAfterSeconds) {
    }
}
