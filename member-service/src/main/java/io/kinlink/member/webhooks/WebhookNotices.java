package io.kinlink.member.webhooks;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.kinlink.events.CouponChanged;
import io.kinlink.events.MemberTierChanged;
import io.kinlink.events.PointsCredited;
import io.kinlink.events.PointsRedeemed;
import io.kinlink.events.PointsReversed;
import io.kinlink.events.ReferralQualified;
import io.kinlink.platform.event.EventEnvelope;

/** Which events partners are told of, as which type, about which member (whose branch scopes it). */
final class WebhookNotices {

    private WebhookNotices() {
    }

    /** An event as a notice: its type, the member it concerns, and the event's own payload as data. */
    record Notice(WebhookEventType type, UUID member, JsonNode data) {
    }

    static Optional<Notice> of(EventEnvelope event) {
        JsonNode payload = event.payload();
        return typeOf(event).map(type -> new Notice(type, UUID.fromString(payload.path(memberField(type)).asText()),
                payload));
    }

    private static Optional<WebhookEventType> typeOf(EventEnvelope event) {
        if (event.is(PointsCredited.class)) {
            return Optional.of(WebhookEventType.POINTS_CREDITED);
        } else if (event.is(PointsReversed.class)) {
            return Optional.of(WebhookEventType.POINTS_REVERSED);
        } else if (event.is(PointsRedeemed.class)) {
            return Optional.of(WebhookEventType.POINTS_REDEEMED);
        } else if (event.is(ReferralQualified.class)) {
            return Optional.of(WebhookEventType.REFERRAL_QUALIFIED);
        } else if (event.is(MemberTierChanged.class)) {
            return Optional.of(WebhookEventType.TIER_CHANGED);
        } else if (event.is(CouponChanged.class)) {
            String status = event.payload().path("status").asText();
            return status.equals("ISSUED") ? Optional.of(WebhookEventType.COUPON_ISSUED)
                    : status.equals("REDEEMED") ? Optional.of(WebhookEventType.COUPON_REDEEMED) : Optional.empty();
        }
        return Optional.empty();
    }

    /** A qualified referral is news for the referrer, who earns by it. */
    private static String memberField(WebhookEventType type) {
        return type == WebhookEventType.REFERRAL_QUALIFIED ? "referrerId" : "memberId";
    }
}
