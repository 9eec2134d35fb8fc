package io.kinlink.rewards.rest;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.input.BusinessTimeWindow;
import io.kinlink.platform.problem.QueryEnums;
import io.kinlink.platform.security.Caller;
import io.kinlink.rewards.gate.BudgetOverview;
import io.kinlink.rewards.gate.BudgetView;
import io.kinlink.rewards.gate.HeldRewardDecisions;
import io.kinlink.rewards.gate.HeldRewardStatus;
import io.kinlink.rewards.gate.HeldRewardView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Operators watch incentive spend against revenue, and decide on what the cap holds back. */
@RolesAllowed("operator") // operators' views and controls; members and partners have their own
@Path("/api/rewards/budget")
@Produces(MediaType.APPLICATION_JSON)
public class BudgetResource {

    private final BudgetOverview overview;
    private final HeldRewardDecisions decisions;
    private final BusinessTimeWindow window;
    private final Caller caller;

    public BudgetResource(BudgetOverview overview, HeldRewardDecisions decisions, BusinessTimeWindow window,
                          Caller caller) {
        this.caller = caller;
        this.overview = overview;
        this.decisions = decisions;
        this.window = window;
    }

    /** A month's revenue, cap, what was issued, what is left, and what is held ({@code period=2026-11}; now by default). */
    @GET
    public BudgetView period(@QueryParam("period") String period) {
        return overview.of(Optional.ofNullable(period).map(value -> window.month("period", value)));
    }

    @GET
    @Path("/held")
    public List<HeldRewardView> held(@QueryParam("status") String status) {
        return decisions.list(Optional.ofNullable(status)
                .map(value -> QueryEnums.parse(HeldRewardStatus.class, "status", value)));
    }

    /** Pays a held reward over the cap, in the calling operator's name; 409 when it was decided before. */
    @POST
    @Path("/held/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public HeldRewardView approve(@PathParam("id") UUID id, @Valid @NotNull Approval approval) {
        return decisions.approve(id, caller.who(), approval.note());
    }

    /** Declines a held reward for good, with the reason; 409 when it was decided before. */
    @POST
    @Path("/held/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public HeldRewardView cancel(@PathParam("id") UUID id, @Valid @NotNull Cancellation cancellation) {
        return decisions.cancel(id, caller.who(), cancellation.note());
    }

    public record Approval(@Size(max = 300) String note) {
    }

    public record Cancellation(@NotBlank @Size(max = 300) String note) {
    }
}
