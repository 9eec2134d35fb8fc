package io.kinlink.referral.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.kinlink.referral.ReferralStatus;
import io.kinlink.referral.analytics.NetworkSize;

/** What a member sees of their own referrals: their code and link, the friends they brought (masked), their network. */
public record MyReferralsView(UUID memberId, String code, String shareUrl, NetworkSize network, long total, int page,
                              int size, List<Friend> referrals) {

    public record Friend(String maskedName, ReferralStatus status, Instant attributedAt, Instant qualifiedAt) {
    }
}
