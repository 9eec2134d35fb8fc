package io.kinlink.referral.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.problem.NotFoundProblem;
import io.kinlink.referral.ReferralCode;
import io.kinlink.referral.RejectionReason;
import io.kinlink.referral.analytics.MemberNetwork;
import io.kinlink.referral.analytics.NetworkSize;
import io.kinlink.referral.api.MyReferralsView;
import io.kinlink.referral.api.ReferralCodeLookup;
import io.kinlink.referral.api.ReferralCodeResponse;
import io.kinlink.referral.api.RejectionView;
import io.kinlink.referral.config.ReferralSettings;
import io.kinlink.referral.repository.ReferralCodeRepository;
import io.kinlink.referral.repository.ReferralMemberRepository;
import io.kinlink.referral.repository.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class ReferralQueries {

    private final ReferralCodeRepository codes;
    private final ReferralMemberRepository members;
    private final ReferralRepository referrals;
    private final MemberNetwork network;
    private final ReferralSettings settings;

    public ReferralQueries(ReferralCodeRepository codes, ReferralMemberRepository members,
                           ReferralRepository referrals, MemberNetwork network, ReferralSettings settings) {
        this.codes = codes;
        this.members = members;
        this.referrals = referrals;
        this.network = network;
        this.settings = settings;
    }

    /** A member's network by level within the configured depth; 404 for a member this service does not know. */
    @Transactional
    public NetworkSize networkOf(UUID memberId) {
        codeOf(memberId);
        return network.of(memberId);
    }

    @Transactional
    public ReferralCodeResponse codeOf(UUID memberId) {
        ReferralCode code = codes.findByMember(memberId)
                .orElseThrow(() -> new NotFoundProblem("referral-code-not-found",
                        "Member " + memberId + " has no referral code yet; it is issued moments after registration"));
        return new ReferralCodeResponse(memberId, code.code(), shareUrl(code.code(), null));
    }

    /** The share link, with the campaign tag when there is one. */
    public String shareUrl(String code, String campaign) {
        return settings.shareBaseUrl() + "/r/" + code + (campaign == null ? "" : "?c=" + campaign);
    }

    /** The member's own page: code, link, network by level and the friends they brought, newest first. */
    @Transactional
    public MyReferralsView referralsOf(UUID memberId, int page, int size) {
        ReferralCodeResponse code = codeOf(memberId);
        List<MyReferralsView.Friend> friends = referrals.friendsOf(memberId, page, size);
        long total = referrals.count("referrerId", memberId);
        return new MyReferralsView(memberId, code.code(), code.shareUrl(), network.of(memberId), total, page, size,
                friends);
    }

    /** Refused attributions in {@code [from, to)}, newest first, optionally of one reason. */
    @Transactional
    public RejectionView.Page rejections(Instant from, Instant to, Optional<RejectionReason> reason, int page,
                                         int size) {
        List<RejectionView> items = referrals.rejections(from, to, reason, page, size).stream()
                .map(RejectionView::of).toList();
        return new RejectionView.Page(referrals.countRejections(from, to, reason), page, size, items);
    }

    @Transactional
    public ReferralCodeLookup lookup(String typed) {
        String code = ReferralCode.canonical(typed);
        return codes.findByIdOptional(code)
                .flatMap(found -> members.findByIdOptional(found.memberId()))
                .map(owner -> new ReferralCodeLookup(code, owner.maskedName()))
                .orElseThrow(() -> new NotFoundProblem("referral-code-not-found", "No referral code " + code));
    }
}
