package io.kinlink.member.rest;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.member.Refund;

public record RefundResponse(UUID id, UUID purchaseId, UUID memberId, String externalRefundId, String branch,
                             long amountFen, String reason, Instant occurredAt, Instant recordedAt) {

    static RefundResponse from(Refund refund) {
        return new RefundResponse(refund.id(), refund.purchaseId(), refund.memberId(), refund.externalRefundId(),
                refund.branch(), refund.amountFen(), refund.reason(), refund.occurredAt(), refund.recordedAt());
    }
}
