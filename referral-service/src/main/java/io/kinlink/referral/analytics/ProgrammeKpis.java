package io.kinlink.referral.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.kinlink.platform.kpi.Kpi;
import io.kinlink.platform.kpi.Kpi.Direction;
import io.kinlink.platform.kpi.Kpi.KpiId;
import io.kinlink.platform.kpi.Kpi.Scope;
import io.kinlink.platform.kpi.Kpi.Unit;
import io.kinlink.platform.kpi.KpiMonths;
import io.kinlink.platform.kpi.KpiReport;
import io.kinlink.referral.analytics.ProgrammeKpiRepository.Counts;
import io.kinlink.referral.config.KpiSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The three KPIs this service's data answers: referral rate, referral conversion and the retention
 * of referred customers, per month and optionally per branch (the member's home branch). A
 * purchase counts while not fully refunded; rejected referrals never count.
 */
@ApplicationScoped
public class ProgrammeKpis {

    private final ProgrammeKpiRepository repository;
    private final KpiSettings settings;

    ProgrammeKpis(ProgrammeKpiRepository repository, KpiSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    @Transactional
    public KpiReport report(KpiMonths months, Optional<String> branch) {
        Scope scope = branch.isPresent() ? Scope.BRANCH : Scope.GROUP;
        return new KpiReport(branch.orElse(null), months.months().stream()
                .map(month -> new KpiReport.Month(month, List.of(
                        referralRate(months.end(month), branch, scope),
                        conversion(months.start(month), months.end(month), branch, scope),
                        retention(months.end(month), branch, scope))))
                .toList());
    }

    /** Active members at the month's end (bought within the look-back), and those of them who brought a friend in it. */
    private Kpi referralRate(Instant end, Optional<String> branch, Scope scope) {
        Counts counts = repository.activeAndReferring(end.minus(settings.activeWithin()), end, branch);
        return Kpi.of(KpiId.REFERRAL_RATE, counts.numerator(), counts.denominator(), settings.referralRateTarget(),
                Direction.AT_LEAST, Unit.RATIO, scope);
    }

    /** Friends attributed in the month, and those of them who have bought since. */
    private Kpi conversion(Instant start, Instant end, Optional<String> branch, Scope scope) {
        Counts counts = repository.attributedAndBought(start, end, branch);
        return Kpi.of(KpiId.REFERRAL_CONVERSION, counts.numerator(), counts.denominator(),
                settings.referralConversionTarget(), Direction.AT_LEAST, Unit.RATIO, scope);
    }

    /**
     * Referred customers whose first purchase lies in the cohort window before the month's end (and
     * long enough before it to have come back), and those of them who bought again by the end.
     */
    private Kpi retention(Instant end, Optional<String> branch, Scope scope) {
        Counts counts = repository.cohortAndReturned(end, end.minus(settings.retentionCohort()),
                end.minus(settings.retentionSettle()), branch);
        return Kpi.of(KpiId.REFERRED_RETENTION, counts.numerator(), counts.denominator(),
                settings.referredRetentionTarget(), Direction.AT_LEAST, Unit.RATIO, scope);
    }
}
