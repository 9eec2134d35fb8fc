package io.kinlink.rewards.redemption;

import java.time.Instant;
import java.util.UUID;

/** @param availableAfter the member's available points right after this redemption */
public record RedemptionResponse(UUID id, UUID memberId, String externalTransactionId, long points, String branch,
                                 Instant redeemedAt, long availableAfter) {
}
