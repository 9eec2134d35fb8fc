package io.kinlink.referral.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.branch.BranchCopies;
import io.kinlink.platform.input.BusinessTime;
import io.kinlink.platform.input.BusinessTimeWindow;
import io.kinlink.platform.input.Paging;
import io.kinlink.platform.kpi.KpiMonths;
import io.kinlink.platform.kpi.KpiReport;
import io.kinlink.platform.problem.NotFoundProblem;
import io.kinlink.platform.problem.QueryEnums;
import io.kinlink.referral.RejectionReason;
import io.kinlink.referral.analytics.FunnelFilter;
import io.kinlink.referral.analytics.FunnelGrouping;
import io.kinlink.referral.analytics.FunnelReport;
import io.kinlink.referral.analytics.LeaderRanking;
import io.kinlink.referral.analytics.MemberNetwork;
import io.kinlink.referral.analytics.NetworkTree;
import io.kinlink.referral.analytics.OpinionLeader;
import io.kinlink.referral.analytics.OpinionLeaders;
import io.kinlink.referral.analytics.ProgrammeKpis;
import io.kinlink.referral.analytics.ReferralFunnel;
import io.kinlink.referral.api.RejectionView;
import io.kinlink.referral.api.ReportPeriod;
import io.kinlink.referral.config.KpiSettings;
import io.kinlink.referral.service.ReferralQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Operators' views of the referral programme: the funnel, the opinion leaders, the refused
 * attributions and the referral KPIs. Periods are {@code [from, to)}; without them, the last 30 days.
 */
@RolesAllowed("operator") // operators' views and controls; members and partners have their own
@Path("/api/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralReportsResource {

    private final ReferralFunnel funnel;
    private final OpinionLeaders leaders;
    private final ReferralQueries queries;
    private final BranchCopies branches;
    private final ProgrammeKpis kpis;
    private final MemberNetwork network;
    private final KpiSettings kpiSettings;
    private final BusinessTimeWindow window;
    private final Clock clock;

    public ReferralReportsResource(ReferralFunnel funnel, OpinionLeaders leaders, ReferralQueries queries,
                                   BranchCopies branches, ProgrammeKpis kpis, MemberNetwork network,
                                   KpiSettings kpiSettings, BusinessTimeWindow window, Clock clock) {
        this.network = network;
        this.kpis = kpis;
        this.kpiSettings = kpiSettings;
        this.window = window;
        this.branches = branches;
        this.funnel = funnel;
        this.leaders = leaders;
        this.queries = queries;
        this.clock = clock;
    }

    @GET
    @Path("/funnel")
    public FunnelReport funnel(@QueryParam("from") @BusinessTime(planned = true) Instant from,
                               @QueryParam("to") @BusinessTime(planned = true) Instant to,
                               @QueryParam("referrerId") UUID referrerId, @QueryParam("branch") String branch,
                               @QueryParam("campaign") String campaign,
                               @QueryParam("groupBy") @DefaultValue("NONE") String groupBy) {
        ReportPeriod period = ReportPeriod.of(from, to, clock.instant());
        knownBranch(branch);
        return funnel.report(new FunnelFilter(period.from(), period.to(), Optional.ofNullable(referrerId),
                Optional.ofNullable(branch), Optional.ofNullable(campaign)),
                QueryEnums.parse(FunnelGrouping.class, "groupBy", groupBy));
    }

    @GET
    @Path("/leaders")
    public List<OpinionLeader> leaders(@QueryParam("from") @BusinessTime(planned = true) Instant from,
                                       @QueryParam("to") @BusinessTime(planned = true) Instant to,
                                       @QueryParam("branch") String branch,
                                       @QueryParam("by") @DefaultValue("QUALIFIED") String by,
                                       @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        ReportPeriod period = ReportPeriod.of(from, to, clock.instant());
        knownBranch(branch);
        return leaders.rank(period.from(), period.to(), Optional.ofNullable(branch),
                QueryEnums.parse(LeaderRanking.class, "by", by), limit);
    }

    @GET
    @Path("/rejections")
    public RejectionView.Page rejections(@QueryParam("from") @BusinessTime(planned = true) Instant from,
                                         @QueryParam("to") @BusinessTime(planned = true) Instant to,
                                         @QueryParam("reason") String reason,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        ReportPeriod period = ReportPeriod.of(from, to, clock.instant());
        return queries.rejections(period.from(), period.to(),
                Optional.ofNullable(reason).map(value -> QueryEnums.parse(RejectionReason.class, "reason", value)),
                page, size);
    }

    /**
     * Referral rate, referral conversion and referred retention for {@code months} months ending
     * with {@code period} (default this month), oldest first; the gateway's /api/kpis adds the
     * rewards service's.
     */
    @GET
    @Path("/kpis")
    public KpiReport kpis(@QueryParam("period") @Size(max = 20) String period,
                          @QueryParam("months") @DefaultValue("1") int months,
                          @QueryParam("branch") @Size(max = 100) String branch) {
        KpiMonths covered = KpiMonths.of(period, months, kpiSettings.zone(), window, clock.instant());
        knownBranch(branch);
        return kpis.report(covered, Optional.ofNullable(branch));
    }

    /** A member's network as a tree (three levels at most), for operators to draw; 404 for an unknown member. */
    @GET
    @Path("/network/{memberId}")
    public NetworkTree network(@PathParam("memberId") UUID memberId,
                               @QueryParam("limit") @DefaultValue("300") @Min(1) @Max(2000) int limit) {
        return network.tree(memberId, limit)
                .orElseThrow(() -> new NotFoundProblem("member-not-found", "No member " + memberId));
    }

    /** A mistyped branch would read as a quiet month: refuse it instead. */
    private void knownBranch(String branch) {
        if (branch != null) {
            branches.requireKnown("branch", branch);
        }
    }
}
