package io.kinlink.rewards.audit;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * What the export shows a regulator about the period, each check with the figures behind it:
 * referral depth within three levels, rewards in kind only (points and coupons; Kinlink pays no
 * cash), each order's referral rebates within its per-order cap, and no referral reward without
 * a purchase behind it (nothing paid for recruiting alone).
 *
 * @param csvFormat the version of the CSV's format, whose exact bytes the hashes cover (also the CSV's
 *                  {@code X-Audit-Format} header)
 * @param firstHash the chain's start, from the period and branch: sha256("kinlink-audit:" + period + ":" + branch or "*")
 * @param finalHash the last row's hash: recompute the chain over the CSV lines to verify nothing was removed or changed
 */
public record AuditSummary(YearMonth period, String branch, int rows, long pointsCredited, long pointsTakenBack,
                           int couponsIssued, long couponValueFen, int deepestChainLevel, boolean depthWithinThree,
                           boolean inKindOnly, int ordersChecked, List<UUID> ordersOverCap,
                           int referralRewardsWithoutPurchase, int csvFormat, String hashAlgorithm, String firstHash,
                           String finalHash) {
}
