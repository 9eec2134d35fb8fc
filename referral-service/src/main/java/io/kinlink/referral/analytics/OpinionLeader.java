package io.kinlink.referral.analytics;

import java.util.UUID;

/**
 * A referrer as ranked for a period.
 *
 * @param qualifiedReferrals referrals that qualified in the period and were not reversed since
 * @param network            members within the configured depth below them who had joined by the period's end
 * @param networkRevenueFen  what that network bought in the period, net of refunds
 */
public record OpinionLeader(int rank, UUID memberId, String maskedName, String branch, long qualifiedReferrals,
                            NetworkSize network, long networkRevenueFen) {
}
