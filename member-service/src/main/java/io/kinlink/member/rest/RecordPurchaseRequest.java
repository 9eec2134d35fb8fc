package io.kinlink.member.rest;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.member.service.PurchaseService.NewPurchase;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * @param externalTransactionId the partner's own id of the sale; sending it again is safe
 * @param amountFen             the amount paid in fen (whole numbers: 1 CNY = 100 fen)
 * @param occurredAt            when the sale happened; now when left out
 */
public record RecordPurchaseRequest(
        @NotNull UUID memberId,
        @NotBlank @Size(max = 100) String externalTransactionId,
        @NotNull @Positive @Max(value = 10_000_000_000L, message = "must be at most 100,000,000 CNY") Long amountFen,
        @NotBlank @Size(max = 64) String branch,
        @PastOrPresent Instant occurredAt) {

    NewPurchase toNewPurchase() {
        return new NewPurchase(memberId, externalTransactionId.strip(), amountFen, branch.strip(), occurredAt);
    }
}
