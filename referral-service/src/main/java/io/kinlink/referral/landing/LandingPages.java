package io.kinlink.referral.landing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.kinlink.platform.branch.BranchCopies;
import io.kinlink.platform.branch.BranchCopies.Named;
import io.kinlink.referral.LinkClick;
import io.kinlink.referral.ReferralCode;
import io.kinlink.referral.ReferralMember;
import io.kinlink.referral.repository.LinkClickRepository;
import io.kinlink.referral.repository.ReferralCodeRepository;
import io.kinlink.referral.repository.ReferralMemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Opens a share link: finds whose code it is and records the click, keeping no raw IP address. */
@ApplicationScoped
public class LandingPages {

    private static final int USER_AGENT_LIMIT = 256;

    private final ReferralCodeRepository codes;
    private final ReferralMemberRepository members;
    private final LinkClickRepository clicks;
    private final ClickHasher hasher;
    private final BranchCopies branches;
    private final Clock clock;

    public LandingPages(ReferralCodeRepository codes, ReferralMemberRepository members, LinkClickRepository clicks,
                        ClickHasher hasher, BranchCopies branches, Clock clock) {
        this.codes = codes;
        this.members = members;
        this.clicks = clicks;
        this.hasher = hasher;
        this.branches = branches;
        this.clock = clock;
    }

    /**
     * @param campaign the link's campaign tag, already validated, or null
     * @param lang     the page's language, for the branches' names
     */
    @Transactional
    public LandingPage open(String typedCode, String campaign, String ipAddress, String userAgent, String lang) {
        String code = ReferralCode.canonical(typedCode);
        Optional<ReferralMember> inviter = ReferralCode.isWellFormed(code)
                ? codes.findByIdOptional(code).flatMap(owner -> members.findByIdOptional(owner.memberId()))
                : Optional.empty();
        List<Named> open = branches.open(lang);
        if (inviter.isEmpty()) {
            return new LandingPage(null, null, null, open, null);
        }
        LinkClick click = new LinkClick(code, inviter.get().memberId(), campaign, hasher.hash(ipAddress),
                truncate(userAgent), clock.instant());
        clicks.persist(click);
        return new LandingPage(code, inviter.get().maskedName(), click.id(), open, inviter.get().branch());
    }

    private static String truncate(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        return userAgent.length() <= USER_AGENT_LIMIT ? userAgent : userAgent.substring(0, USER_AGENT_LIMIT);
    }
}
