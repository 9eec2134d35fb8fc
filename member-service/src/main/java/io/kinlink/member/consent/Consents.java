package io.kinlink.member.consent;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.kinlink.member.Member;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Records every consent a member gives or withdraws, in the transaction of the change, and tells
 * whether the notice they accepted is the one in force. The records hold no personal data, so
 * erasure keeps them as the proof.
 */
@ApplicationScoped
public class Consents {

    private final ConsentRepository repository;
    private final PrivacyNotices notices;
    private final MemberRepository members;
    private final Clock clock;

    public Consents(ConsentRepository repository, PrivacyNotices notices, MemberRepository members, Clock clock) {
        this.repository = repository;
        this.notices = notices;
        this.members = members;
        this.clock = clock;
    }

    /** At sign-up: the notice accepted (checked by the caller first) and the marketing choice. */
    @Transactional(TxType.MANDATORY)
    public void atRegistration(UUID member, int noticeVersion, boolean marketing, String channel) {
        repository.insertConsent(member, ConsentKind.PRIVACY_NOTICE, true, noticeVersion, channel, clock.instant());
        repository.insertConsent(member, ConsentKind.MARKETING, marketing, null, channel, clock.instant());
    }

    @Transactional(TxType.MANDATORY)
    public void marketingChanged(UUID member, boolean granted, String channel) {
        repository.insertConsent(member, ConsentKind.MARKETING, granted, null, channel, clock.instant());
    }

    /** A member accepts a newer notice (the app asks after a new version is published). */
    @Transactional
    public ConsentView acceptNotice(UUID member, int version, String channel) {
        find(member);
        notices.requireAcceptable(version);
        repository.insertConsent(member, ConsentKind.PRIVACY_NOTICE, true, version, channel, clock.instant());
        return of(member);
    }

    @Transactional
    public ConsentView of(UUID memberId) {
        Member member = find(memberId);
        List<ConsentView.Entry> history = repository.consents(memberId);
        ConsentView.Entry accepted = history.stream().filter(entry -> entry.kind() == ConsentKind.PRIVACY_NOTICE)
                .reduce((first, second) -> second).orElse(null);
        int current = notices.current().version();
        return new ConsentView(accepted == null ? null : accepted.noticeVersion(), accepted == null ? null : accepted.at(),
                current, accepted != null && accepted.noticeVersion() == current, member.marketingConsent(), history);
    }

    private Member find(UUID member) {
        return members.findByIdOptional(member)
                .orElseThrow(() -> new NotFoundProblem("member-not-found", "No member " + member));
    }
}
