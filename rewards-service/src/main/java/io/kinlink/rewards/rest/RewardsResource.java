package io.kinlink.rewards.rest;

import java.util.List;
import java.util.UUID;

import io.kinlink.rewards.service.RewardsQueries;
import io.kinlink.rewards.service.RewardsQueries.Balance;
import io.kinlink.rewards.service.RewardsQueries.Movement;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/members/{memberId}/rewards")
@Produces(MediaType.APPLICATION_JSON)
public class RewardsResource {

    private final RewardsQueries queries;

    public RewardsResource(RewardsQueries queries) {
        this.queries = queries;
    }

    /** Points pending (still in the holding period) and available; 0 and 0 for a member with none. */
    @GET
    @Path("/balance")
    public Balance balance(@PathParam("memberId") UUID memberId) {
        return queries.balanceOf(memberId);
    }

    @GET
    @Path("/history")
    public List<Movement> history(@PathParam("memberId") UUID memberId,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return queries.historyOf(memberId, page, size);
    }
}
