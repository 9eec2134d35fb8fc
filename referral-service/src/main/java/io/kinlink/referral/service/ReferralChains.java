package io.kinlink.referral.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.referral.ReferralMember;
import io.kinlink.referral.config.ReferralSettings;
import io.kinlink.referral.repository.ReferralMemberRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A member's referrers up to the configured depth, direct referrer first: one row read, because
 * the chain is stored on the member when they are attributed.
 */
@ApplicationScoped
public class ReferralChains {

    private final ReferralMemberRepository members;
    private final ReferralSettings settings;

    public ReferralChains(ReferralMemberRepository members, ReferralSettings settings) {
        this.members = members;
        this.settings = settings;
    }

    /** Empty when the member is unknown here. */
    public Optional<List<UUID>> chainOf(UUID memberId) {
        return members.findByIdOptional(memberId).map(this::chainOf);
    }

    public List<UUID> chainOf(ReferralMember member) {
        return member.chain(settings.chainDepth());
    }
}
