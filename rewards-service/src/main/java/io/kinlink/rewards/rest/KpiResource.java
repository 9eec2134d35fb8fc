package io.kinlink.rewards.rest;

import java.time.Clock;
import java.util.Optional;

import io.kinlink.platform.branch.BranchCopies;
import io.kinlink.platform.input.BusinessTimeWindow;
import io.kinlink.platform.kpi.KpiMonths;
import io.kinlink.platform.kpi.KpiReport;
import io.kinlink.rewards.config.RewardsSettings;
import io.kinlink.rewards.kpi.IncentiveKpis;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

    public KpiResource(IncentiveKpis kpis, RewardsSettings settings, BranchCopies branches, BusinessTimeWindow window,
                       Clock clock) {
        this.kpis = kpis;
        this.settings = settings;
        this.branches = branches;
        this.window = window;
        this.clock = clock;
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
