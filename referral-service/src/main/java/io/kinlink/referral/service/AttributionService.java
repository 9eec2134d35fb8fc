package io.kinlink.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.kinlink.events.MemberRegistered;
import io.kinlink.events.MemberStatusChanged;
import io.kinlink.events.ReferralAttributed;
import io.kinlink.events.Topics;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.referral.AttributionRejection;
import io.kinlink.referral.LinkClick;
import io.kinlink.referral.Referral;
import io.kinlink.referral.ReferralCode;
import io.kinlink.referral.ReferralMember;
import io.kinlink.referral.RejectionReason;
import io.kinlink.referral.config.ReferralSettings;
import io.kinlink.referral.metrics.ReferralMetrics;
import io.kinlink.referral.repository.LinkClickRepository;
import io.kinlink.referral.repository.ReferralCodeRepository;
import io.kinlink.referral.repository.ReferralMemberRepository;
import io.kinlink.referral.repository.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Takes in new members: gives each a referral code and, when they registered with someone's
 * code or came from their landing page within the attribution window, attributes them to that
 * member unless a fraud rule forbids it.
 */
@ApplicationScoped
public class AttributionService {

    private static final Logger LOG = Logger.getLogger(AttributionService.class);

    private final ReferralMemberRepository members;
    private final ReferralCodeRepository codes;
    private final ReferralRepository referrals;
    private final LinkClickRepository clicks;
    private final ReferralCodes codeIssuer;
    private final ReferralSettings settings;
    private final Outbox outbox;
    private final Clock clock;
    private final ReferralMetrics metrics;

    public AttributionService(ReferralMemberRepository members, ReferralCodeRepository codes,
                              ReferralRepository referrals, LinkClickRepository clicks, ReferralCodes codeIssuer,
                              ReferralSettings settings, Outbox outbox, Clock clock, ReferralMetrics metrics) {
        this.members = members;
        this.codes = codes;
        this.referrals = referrals;
        this.clicks = clicks;
        this.settings = settings;
        this.codeIssuer = codeIssuer;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Transactional(TxType.MANDATORY)
    public void onMemberRegistered(MemberRegistered registered) {
        members.lockPhone(registered.phoneHash());
        if (members.findByIdOptional(registered.memberId()).isPresent()) {
            return;
        }
        ReferralMember member = new ReferralMember(registered.memberId(), registered.maskedName(),
                registered.phoneHash(), registered.deviceId(), registered.branch(), registered.registeredAt());
        members.persist(member);
        codeIssuer.issueFor(member.memberId());
        Optional<LinkClick> click = Optional.ofNullable(registered.clickId()).flatMap(clicks::findByIdOptional);
        if (hasText(registered.referralCode())) {
            // A typed code wins; the click still counts for the funnel when it was for that code.
            String code = ReferralCode.canonical(registered.referralCode());
            attribute(member, code, click.filter(c -> c.code().equals(code)).orElse(null));
        } else if (registered.clickId() != null) {
            attributeByClick(member, registered.clickId(), click);
        }
    }

    private void attributeByClick(ReferralMember member, UUID clickId, Optional<LinkClick> click) {
        if (click.isEmpty()) {
            reject(member, "-", clickId, RejectionReason.UNKNOWN_CLICK);
        } else if (!click.get().attributes(member.registeredAt(), settings.attributionWindow())) {
            reject(member, click.get().code(), clickId, RejectionReason.CLICK_EXPIRED);
        } else {
            attribute(member, click.get().code(), click.get());
        }
    }

    @Transactional(TxType.MANDATORY)
    public void onMemberStatusChanged(MemberStatusChanged changed) {
        members.findByIdOptional(changed.memberId()).ifPresent(member -> member.applyStatus(changed.status()));
    }

    private void attribute(ReferralMember referee, String code, LinkClick click) {
        Optional<ReferralMember> referrer = codes.findByIdOptional(code)
                .flatMap(owner -> members.findByIdOptional(owner.memberId()));
        Optional<RejectionReason> refusal = referrer.isEmpty()
                ? Optional.of(RejectionReason.UNKNOWN_CODE)
                : referee.refusalToBeReferredBy(referrer.get());
        if (refusal.isEmpty() && members.phoneTakenByOther(referee.phoneHash(), referee.memberId())) {
            // Someone who joined before under another id cannot be brought in again, whatever the code.
            refusal = Optional.of(RejectionReason.ALREADY_REGISTERED);
        }
        if (refusal.isPresent()) {
            reject(referee, code, click == null ? null : click.id(), refusal.get());
            return;
        }
        referee.attributeTo(referrer.get());
        // attributed as of the sign-up, not of when this service got to it: the qualifying window counts from there
        Instant attributedAt = referee.registeredAt();
        Referral referral = new Referral(referrer.get().memberId(), referee.memberId(), code, click, attributedAt);
        referrals.persist(referral);
        outbox.append(Topics.REFERRAL_EVENTS, referee.memberId().toString(), new ReferralAttributed(
                referral.id(), referral.referrerId(), referral.refereeId(), code, attributedAt));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private void reject(ReferralMember referee, String code, UUID clickId, RejectionReason reason) {
        referrals.recordRejection(new AttributionRejection(referee.memberId(), code, clickId, reason, clock.instant()));
        metrics.rejected(reason);
        LOG.infof("Attribution of member %s with code %s refused: %s", referee.memberId(), code, reason);
    }
}
