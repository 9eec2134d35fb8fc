package io.kinlink.referral.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.kinlink.referral.AttributionRejection;
import io.kinlink.referral.RejectionReason;

/** A refused attribution, for operators reviewing fraud; {@code code} is "-" when only an unknown click was given. */
public record RejectionView(UUID refereeId, String code, UUID clickId, RejectionReason reason, Instant rejectedAt) {

    public static RejectionView of(AttributionRejection rejection) {
        return new RejectionView(rejection.refereeId(), rejection.code(), rejection.clickId(), rejection.reason(),
                rejection.rejectedAt());
    }

    public record Page(long total, int page, int size, List<RejectionView> items) {
    }
}
