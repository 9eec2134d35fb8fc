package io.kinlink.referral.service;

import java.time.Clock;
import java.util.UUID;

import io.kinlink.platform.problem.NotFoundProblem;
import io.kinlink.referral.LinkShare;
import io.kinlink.referral.api.ShareRequest;
import io.kinlink.referral.api.ShareResponse;
import io.kinlink.referral.repository.LinkShareRepository;
import io.kinlink.referral.repository.ReferralMemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Records that a member shared their link, the top of the funnel; the link returned carries the campaign. */
@ApplicationScoped
public class ShareService {

    private final ReferralMemberRepository members;
    private final LinkShareRepository shares;
    private final ReferralQueries queries;
    private final Clock clock;

    public ShareService(ReferralMemberRepository members, LinkShareRepository shares, ReferralQueries queries,
                        Clock clock) {
        this.members = members;
        this.shares = shares;
        this.queries = queries;
        this.clock = clock;
    }

    @Transactional
    public ShareResponse record(UUID memberId, ShareRequest request) {
        if (members.findByIdOptional(memberId).isEmpty()) {
            throw new NotFoundProblem("member-not-found", "No member " + memberId);
        }
        String code = queries.codeOf(memberId).code();
        LinkShare share = new LinkShare(memberId, request.channel(), request.campaign(), clock.instant());
        shares.persist(share);
        return new ShareResponse(share.id(), memberId, share.channel(), share.campaign(),
                queries.shareUrl(code, share.campaign()), share.sharedAt());
    }
}
