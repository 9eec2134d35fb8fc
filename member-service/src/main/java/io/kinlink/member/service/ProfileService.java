package io.kinlink.member.service;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.kinlink.events.MemberStatusChanged;
import io.kinlink.events.Topics;
import io.kinlink.member.Member;
import io.kinlink.member.branch.Branches;
import io.kinlink.member.MemberStatus;
import io.kinlink.member.auth.MemberSessions;
import io.kinlink.member.consent.Consents;
import io.kinlink.member.config.MemberSettings;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.member.service.MemberRegistry.MemberView;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.platform.problem.InvalidRequestProblem;
import io.kinlink.platform.problem.NotFoundProblem;
import io.kinlink.platform.problem.RuleViolationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Changes to a member's profile and standing: details, needs tags, suspension, erasure. */
@ApplicationScoped
public class ProfileService {

    private final MemberRepository members;
    private final MemberRegistry memberViews;
    private final MemberSettings settings;
    private final Outbox outbox;
    private final Clock clock;
    private final MemberSessions sessions;
    private final Consents consents;
    private final Branches branches;

    public ProfileService(MemberRepository members, MemberRegistry memberViews, MemberSettings settings, Outbox outbox,
                          Clock clock, MemberSessions sessions, Consents consents, Branches branches) {
        this.branches = branches;
        this.consents = consents;
        this.sessions = sessions;
        this.members = members;
        this.memberViews = memberViews;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public MemberView update(UUID memberId, String name, String branch, Boolean marketingConsent) {
        Member member = lockedNotErased(memberId);
        if (branch != null && !branch.equals(member.branch())) {
            branches.requireOpen("branch", branch);
        }
        boolean consentChanges = marketingConsent != null && marketingConsent != member.marketingConsent();
        member.updateProfile(name, branch, marketingConsent, clock.instant());
        if (consentChanges) {
            consents.marketingChanged(memberId, marketingConsent, "PROFILE");
        }
        return memberViews.get(memberId);
    }

    @Transactional
    public MemberView replaceNeedsTags(UUID memberId, Set<String> tags) {
        Set<String> unknown = new TreeSet<>(tags);
        unknown.removeAll(settings.needsTags());
        if (!unknown.isEmpty()) {
            throw new InvalidRequestProblem("tags", "unknown needs tags " + unknown + "; known: "
                    + new TreeSet<>(settings.needsTags()));
        }
        lockedNotErased(memberId).replaceNeedsTags(tags);
        return memberViews.get(memberId);
    }

    @Transactional
    public MemberView suspend(UUID memberId) {
        Member member = lockedNotErased(memberId);
        if (member.status() != MemberStatus.SUSPENDED) {
            member.suspend(clock.instant());
            announce(member);
        }
        return memberViews.get(memberId);
    }

    @Transactional
    public MemberView reinstate(UUID memberId) {
        Member member = lockedNotErased(memberId);
        if (member.status() != MemberStatus.ACTIVE) {
            member.reinstate();
            announce(member);
        }
        return memberViews.get(memberId);
    }

    /** Removes the member's personal data on request; ids, history and ledger traces stay. Repeatable. */
    @Transactional
    public MemberView erase(UUID memberId) {
        Member member = locked(memberId);
        if (member.status() != MemberStatus.ERASED) {
            member.erase(clock.instant());
            announce(member);
        }
        return memberViews.get(memberId);
    }

    /** A suspended or erased member is logged out everywhere at once. */
    private void announce(Member member) {
        if (member.status() != MemberStatus.ACTIVE) {
            sessions.endAll(member.id(), member.status().name().toLowerCase(Locale.ROOT));
        }
        outbox.append(Topics.MEMBER_EVENTS, member.id().toString(),
                new MemberStatusChanged(member.id(), member.status().name(), clock.instant()));
    }

    private Member lockedNotErased(UUID memberId) {
        Member member = locked(memberId);
        if (member.status() == MemberStatus.ERASED) {
            throw new RuleViolationProblem("member-erased", "Member " + memberId + " was erased on request");
        }
        return member;
    }

    private Member locked(UUID memberId) {
        return members.findForUpdate(memberId)
                .orElseThrow(() -> new NotFoundProblem("member-not-found", "No member " + memberId));
    }
}
