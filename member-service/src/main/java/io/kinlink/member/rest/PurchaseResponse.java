package io.kinlink.member.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.kinlink.member.Purchase;
import io.kinlink.member.PurchaseItem;

public record PurchaseResponse(UUID id, UUID memberId, String externalTransactionId, long amountFen, String branch,
                               Instant occurredAt, Instant recordedAt, List<PurchaseItem> items) {

    static PurchaseResponse from(Purchase purchase) {
        return new PurchaseResponse(purchase.id(), purchase.memberId(), purchase.externalTransactionId(),
                purchase.amountFen(), purchase.branch(), purchase.occurredAt(), purchase.recordedAt(), purchase.items());
    }
}
