package io.kinlink.member.standards;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import io.kinlink.events.ReferralQualified;
import io.kinlink.events.ReferralReversed;
import io.kinlink.member.Member;
import io.kinlink.member.config.MemberSettings;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Measures a member's gold standards for each membership year, current and past. */
@ApplicationScoped
public class GoldStandardsService {

    private final MemberRepository members;
    private final GoldStandardsRepository repository;
    private final ReferralSuccessRepository successes;
    private final MemberSettings settings;
    private final Clock clock;

    GoldStandardsService(MemberRepository members, GoldStandardsRepository repository,
                         ReferralSuccessRepository successes, MemberSettings settings, Clock clock) {
        this.members = members;
        this.repository = repository;
        this.successes = successes;
        this.settings = settings;
        this.clock = clock;
    }

    /** A referral that qualified counts towards its referrer's standards, once however often its event arrives. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralQualified(ReferralQualified qualified) {
        successes.qualified(qualified);
    }

    /** A reversed referral (its qualifying purchase refunded) no longer counts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralReversed(ReferralReversed reversed) {
        successes.reversed(reversed);
    }

    /** Newest year first; empty for a member who has not bought anything yet. */
    @Transactional
    public List<GoldStandards> of(UUID memberId) {
        Member member = members.findByIdOptional(memberId)
                .orElseThrow(() -> new NotFoundProblem("member-not-found", "No member " + memberId));
        Instant now = clock.instant();
        if (member.firstPurchaseAt().isEmpty()) {
            return List.of();
        }
        List<MembershipYear> years = new ArrayList<>(
                MembershipYear.until(member.firstPurchaseAt().get(), now, settings.timeZone()));
        Collections.reverse(years);
        return years.stream().map(year -> measure(memberId, year, year.contains(now))).toList();
    }

    private GoldStandards measure(UUID member, MembershipYear year, boolean current) {
        GoldStandardsRepository.YearFigures figures = repository.figures(member, year);
        Double average = figures.averageScore() == null ? null : Math.round(figures.averageScore() * 100) / 100.0;
        return new GoldStandards(year.number(), year.from(), year.to(), current,
                figures.boughtFen() - figures.refundedFen(), figures.categories(), figures.visits(),
                figures.referrals(), average, figures.scores());
    }
}
