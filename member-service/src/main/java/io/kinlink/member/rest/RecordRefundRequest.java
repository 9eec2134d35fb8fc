package io.kinlink.member.rest;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.member.service.RefundService.NewRefund;
import io.kinlink.platform.input.BusinessTime;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * @param externalRefundId the partner's own id of the refund; sending it again is safe
 * @param amountFen        what is given back; at most what is left of the purchase
 */
public record RecordRefundRequest(
        @NotNull UUID purchaseId,
        @NotBlank @Size(max = 100) String externalRefundId,
        @NotNull @Positive @Max(10_000_000_000L) Long amountFen,
        @Size(max = 200) String reason,
        @BusinessTime Instant occurredAt) {

    NewRefund toNewRefund() {
        return new NewRefund(purchaseId, externalRefundId.strip(), amountFen, reason, occurredAt);
    }
}
