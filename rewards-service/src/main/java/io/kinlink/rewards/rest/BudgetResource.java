package io.kinlink.rewards.gate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.kinlink.platform.input.BusinessTimeWindow;
import io.kinlink.platform.problem.InvalidRequestProblem;
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

    private static final Set<String> STATUSES = Set.of("HELD", "RELEASED", "APPROVED", "CANCELLED");

    private final BudgetOverview overview;
    private final RewardGate gate;
    private final BusinessTimeWindow window;

    public BudgetResource(BudgetOverview overview, RewardGate gate, BusinessTimeWindow window) {
        this.overview = overview;
        this.gate = gate;
        this.window = window;
    }

    /** A month's revenue, cap, what was issued, what is left, and what is held ({@code period=2026-11}; now by default). */
    @GET
    public BudgetView period(@QueryParam("period") String period) {
        return overview.of(period == null ? null : month(period));
    }

    @GET
    @Path("/held")
    public List<HeldRewardView> held(@QueryParam("status") String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidRequestProblem("status", "must be one of " + STATUSES);
        }
        return gate.held(Optional.ofNullable(status));
    }

    /** Pays a held reward over the cap; 409 when it was decided before. */
    @POST
    @Path("/held/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public HeldRewardView approve(@PathParam("id") UUID id, @Valid @NotNull Approval approval) {
        return gate.approve(id, approval.by(), approval.note());
    }

    private String month(String period) {
        return window.month("period", period).toString();
    }

    public record Approval(@NotBlank @Size(max = 100) String by, @Size(max = 300) String note) {
    }

    /**
     * @param capFen       null when no budget-cap rule is in force for the month
     * @param spentFen     the incentives issued in the month (named so: Quarkus's generated JSON writer
     *                     reads a component named is... as a boolean property)
     * @param remainingFen what may still be issued before rewards are held
     */
    public record BudgetView(String period, long revenueFen, Long capFen, long spentFen, Long remainingFen,
                             int heldCount, long heldValueFen) {
    }
}
