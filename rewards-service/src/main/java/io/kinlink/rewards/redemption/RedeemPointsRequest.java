package io.kinlink.rewards.redemption;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Points paid at a till.
 *
 * @param externalTransactionId the till's transaction id: sending it again returns the first answer
 */
public record RedeemPointsRequest(
        @NotNull @Positive @Max(100_000_000) Long points,
        @NotBlank @Size(max = 100) String externalTransactionId,
        @NotBlank @Size(max = 64) String branch) {
}
