package io.kinlink.rewards.rest;

import java.time.Clock;
import java.util.Optional;

import io.kinlink.platform.branch.BranchCopies;
import io.kinlink.platform.input.BusinessTimeWindow;
import io.kinlink.platform.kpi.KpiMonths;
import io.kinlink.platform.kpi.KpiReport;
import io.kinlink.platform.security.Caller;
import io.kinlink.rewards.config.RewardsSettings;
import io.kinlink.rewards.kpi.AcquisitionBenchmark;
import io.kinlink.rewards.kpi.IncentiveKpis;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The incentive KPIs for {@code months} months ending with {@code period} (default this month),
 * oldest first; the gateway's /api/kpis adds the referral service's.
 */
@RolesAllowed("operator") // operators' views and controls; members and partners have their own
@Path("/api/rewards/kpis")
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {

    private final IncentiveKpis kpis;
    private final RewardsSettings settings;
    private final BranchCopies branches;
    private final BusinessTimeWindow window;
    private final Clock clock;
    private final AcquisitionBenchmark benchmark;
    private final Caller caller;

    public KpiResource(IncentiveKpis kpis, RewardsSettings settings, BranchCopies branches, BusinessTimeWindow window,
                       Clock clock, AcquisitionBenchmark benchmark, Caller caller) {
        this.benchmark = benchmark;
        this.caller = caller;
        this.kpis = kpis;
        this.settings = settings;
        this.branches = branches;
        this.window = window;
        this.clock = clock;
    }

    /** What a customer costs through the other channels, beside which the acquisition cost is shown. */
    @GET
    @Path("/benchmark")
    public AcquisitionBenchmark.Benchmark benchmark() {
        return benchmark.current();
    }

    /** Operators set the other channels' acquisition cost as theirs changes; in their name. */
    @PUT
    @Path("/benchmark")
    @Consumes(MediaType.APPLICATION_JSON)
    public AcquisitionBenchmark.Benchmark setBenchmark(@Valid @NotNull NewBenchmark request) {
        return benchmark.set(request.otherChannelAcquisitionCostFen(), caller.who());
    }

    public record NewBenchmark(@NotNull @Positive @Max(100_000_000) Long otherChannelAcquisitionCostFen) {
    }

    @GET
    public KpiReport kpis(@QueryParam("period") @Size(max = 20) String period,
                          @QueryParam("months") @DefaultValue("1") int months,
                          @QueryParam("branch") @Size(max = 100) String branch) {
        KpiMonths covered = KpiMonths.of(period, months, settings.zone(), window, clock.instant());
        if (branch != null) {
            branches.requireKnown("branch", branch);
        }
        return kpis.report(covered, Optional.ofNullable(branch));
    }
}
