package io.kinlink.rewards.gate;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.rewards.coupons.CouponGrant;
import io.kinlink.rewards.ledger.Posting;

/** A reward computed by a rule, about to be paid or held: points (a ledger posting) or a coupon. */
public sealed interface Reward permits Reward.Points, Reward.CouponReward {

    /** Unique per cause: the posting's or coupon's idempotency key. */
    String key();

    UUID member();

    Instant occurredAt();

    String describe();

    /**
     * Points to credit.
     *
     * @param purchaseId the purchase that earned them: refunds made while they were held are applied on release
     */
    record Points(Posting posting, long points, boolean pending, Instant availableAt, UUID purchaseId)
            implements Reward {

        public String key() {
            return posting.idempotencyKey();
        }

        public UUID member() {
            return posting.member();
        }

        public Instant occurredAt() {
            return posting.occurredAt();
        }

        public String describe() {
            return points + " points: " + posting.explanation();
        }
    }

    /**
     * A coupon to issue.
     *
     * @param requiresNetSpendFen   for milestone coupons: the cumulative spend the member must still have on release
     * @param requiresReferral      for referral coupons: the referral that must not have been reversed meanwhile
     */
    record CouponReward(CouponGrant grant, long faceValueFen, Instant occurredAt, Long requiresNetSpendFen,
                        UUID requiresReferral) implements Reward {

        public String key() {
            return grant.idempotencyKey();
        }

        public UUID member() {
            return grant.member();
        }

        public String describe() {
            return "coupon worth " + faceValueFen + " fen: " + grant.reason();
        }
    }
}
