package io.kinlink.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.kinlink.events.MemberRegistered;
import io.kinlink.events.MemberStatusChanged;
import io.kinlink.events.ReferralAttributed;
import io.kinlink.events.Topics;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.referral.AttributionRejection;
import io.kinlink.referral.Referral;
import io.kinlink.referral.ReferralCode;
import io.kinlink.referral.ReferralMember;
import io.kinlink.referral.RejectionReason;
import io.kinlink.referral.repository.ReferralCodeRepository;
import io.kinlink.referral.repository.ReferralMemberRepository;
import io.kinlink.referral.repository.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Takes in new members: gives each a referral code and, when they registered with someone's
 * code, attributes them to that member unless a fraud rule forbids it.
 */
@ApplicationScoped
public class AttributionService {

    private static final Logger LOG = Logger.getLogger(AttributionService.class);

    private final ReferralMemberRepository members;
    private final ReferralCodeRepository codes;
    private final ReferralRepository referrals;
    private final ReferralCodes codeIssuer;
    private final Outbox outbox;
    private final Clock clock;

    public AttributionService(ReferralMemberRepository members, ReferralCodeRepository codes,
                              ReferralRepository referrals, ReferralCodes codeIssuer, Outbox outbox, Clock clock) {
        this.members = members;
        this.codes = codes;
        this.referrals = referrals;
        this.codeIssuer = codeIssuer;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public void onMemberRegistered(MemberRegistered registered) {
        if (members.findByIdOptional(registered.memberId()).isPresent()) {
            return;
        }
        ReferralMember member = new ReferralMember(registered.memberId(), registered.maskedName(),
                registered.phoneHash(), registered.deviceId(), registered.branch(), registered.registeredAt());
        members.persist(member);
        codeIssuer.issueFor(member.memberId());
        if (registered.referralCode() != null && !registered.referralCode().isBlank()) {
            attribute(member, ReferralCode.canonical(registered.referralCode()));
        }
    }

    @Transactional(TxType.MANDATORY)
    public void onMemberStatusChanged(MemberStatusChanged changed) {
        members.findByIdOptional(changed.memberId()).ifPresent(member -> member.applyStatus(changed.status()));
    }

    private void attribute(ReferralMember referee, String code) {
        Instant now = clock.instant();
        Optional<ReferralMember> referrer = codes.findByIdOptional(code)
                .flatMap(owner -> members.findByIdOptional(owner.memberId()));
        Optional<RejectionReason> refusal = referrer.isEmpty()
                ? Optional.of(RejectionReason.UNKNOWN_CODE)
                : referee.refusalToBeReferredBy(referrer.get());
        if (refusal.isPresent()) {
            referrals.recordRejection(new AttributionRejection(referee.memberId(), code, refusal.get(), now));
            LOG.infof("Attribution of member %s with code %s refused: %s", referee.memberId(), code, refusal.get());
            return;
        }
        referee.attributeTo(referrer.get());
        Referral referral = new Referral(referrer.get().memberId(), referee.memberId(), code, now);
        referrals.persist(referral);
        outbox.append(Topics.REFERRAL_EVENTS, referee.memberId().toString(), new ReferralAttributed(
                referral.id(), referral.referrerId(), referral.refereeId(), code, now));
    }
}
