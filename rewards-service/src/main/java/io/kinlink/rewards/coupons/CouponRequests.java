package io.kinlink.rewards.coupons;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The bodies of the coupon endpoints. */
public final class CouponRequests {

    private CouponRequests() {
    }

    public record NewTemplate(@NotBlank @Size(max = 100) String name,
                              @NotNull @Positive @Max(100_000_000) Long faceValueFen,
                              @NotNull @PositiveOrZero @Max(1_000_000_000) Long minSpendFen,
                              @NotNull @Positive @Max(3660) Integer validDays,
                              @Positive Integer perMemberLimit) {
    }

    /**
     * A coupon given by a member of staff (from their allowance) or an operator.
     *
     * @param requestId the caller's id for this request: sending it again returns the same coupon
     */
    public record Issue(@NotNull UUID templateId, @NotBlank @Size(max = 100) String requestId,
                        @NotBlank @Size(max = 200) String reason, @Size(max = 64) String staffId) {
    }

    public record Redeem(@NotBlank @Size(max = 100) String externalTransactionId,
                         @NotNull @PositiveOrZero @Max(1_000_000_000) Long orderAmountFen,
                         @NotBlank @Size(max = 64) String branch) {
    }

    public record VoidCoupon(@NotBlank @Size(max = 200) String reason) {
    }
}
