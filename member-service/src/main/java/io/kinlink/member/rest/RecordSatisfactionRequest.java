package io.kinlink.member.rest;

import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A score for exactly one visit or one purchase of the member, with an optional complaint. */
public record RecordSatisfactionRequest(
        @NotNull UUID memberId,
        UUID visitId,
        UUID purchaseId,
        @NotNull @Min(1) @Max(5) Integer score,
        @Size(max = 2000) String complaint) {

    @AssertTrue(message = "give exactly one of visitId and purchaseId")
    public boolean isExactlyOneSubject() {
        return (visitId == null) != (purchaseId == null);
    }
}
