package io.kinlink.rewards.kpi;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import io.kinlink.platform.kpi.Kpi;
import io.kinlink.platform.kpi.Kpi.Direction;
import io.kinlink.platform.kpi.Kpi.KpiId;
import io.kinlink.platform.kpi.Kpi.Scope;
import io.kinlink.platform.kpi.Kpi.Unit;
import io.kinlink.platform.kpi.KpiMonths;
import io.kinlink.platform.kpi.KpiReport;
import io.kinlink.rewards.budget.Budget;
import io.kinlink.rewards.repository.QualifiedReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The two KPIs the incentive budget answers, per month: the share of net revenue spent on
 * incentives, and what each customer won through referrals cost. Spend is the budget's (points at
 * their value, coupons at face value, less reversals and voids, in the month of their cause), so
 * these agree with {@code /api/rewards/budget}. The budget is the group's: a branch asked for does
 * not narrow them ({@link Scope#GROUP}).
 */
@ApplicationScoped
public class IncentiveKpis {

    private final KpiRepository repository;
    private final QualifiedReferralRepository qualifications;
    private final Budget budget;
    private final KpiSettings settings;
    private final AcquisitionBenchmark benchmark;

    IncentiveKpis(KpiRepository repository, QualifiedReferralRepository qualifications, Budget budget,
                  KpiSettings settings, AcquisitionBenchmark benchmark) {
        this.benchmark = benchmark;
        this.repository = repository;
        this.qualifications = qualifications;
        this.budget = budget;
        this.settings = settings;
    }

    @Transactional
    public KpiReport report(KpiMonths months, Optional<String> branch) {
        long otherChannels = benchmark.current().otherChannelAcquisitionCostFen();
        return new KpiReport(branch.orElse(null), months.months().stream()
                .map(month -> new KpiReport.Month(month, List.of(incentiveShare(month),
                        acquisitionCost(month, months).comparedWith(otherChannels))))
                .toList());
    }

    private Kpi incentiveShare(YearMonth month) {
        return Kpi.of(KpiId.INCENTIVE_SHARE, budget.issued(month), budget.revenue(month),
                settings.incentiveShareTarget(), Direction.AT_MOST, Unit.RATIO, Scope.GROUP);
    }

    /**
     * The month's spend on referral rewards (rebates paid up the chain, the referrer's coupon for a
     * qualified referral, the friend's welcome gift) over the referrals that qualified in it (a
     * friend's first qualifying purchase: a new customer), less those reversed since.
     */
    private Kpi acquisitionCost(YearMonth month, KpiMonths months) {
        long spentFen = repository.referralSpendFen(month);
        long customers = qualifications.countQualifiedNotReversed(months.start(month), months.end(month));
        return Kpi.of(KpiId.REFERRAL_ACQUISITION_COST, spentFen, customers, settings.acquisitionCostTargetFen(),
                Direction.AT_MOST, Unit.FEN_PER_CUSTOMER, Scope.GROUP);
    }
}
