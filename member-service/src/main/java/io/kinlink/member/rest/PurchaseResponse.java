package io.kinlink.member.rest;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.member.Purchase;

public record PurchaseResponse(UUID id, UUID memberId, String externalTransactionId, long amountFen, String branch,
                               Instant occurredAt, Instant recordedAt) {

    static PurchaseResponse from(Purchase purchase) {
        return new PurchaseResponse(purchase.id(), purchase.memberId(), purchase.externalTransactionId(),
                purchase.amountFen(), purchase.branch(), purchase.occurredAt(), purchase.recordedAt());
    }
}
