package io.kinlink.member.rest;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.member.service.VisitService.NewVisit;
import io.kinlink.platform.input.BusinessTime;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** @param externalVisitId the partner's own id of the check-in; sending it again is safe */
public record RecordVisitRequest(
        @NotNull UUID memberId,
        @NotBlank @Size(max = 100) String externalVisitId,
        @NotBlank @Size(max = 64) String branch,
        @BusinessTime Instant occurredAt) {

    NewVisit toNewVisit() {
        return new NewVisit(memberId, externalVisitId.strip(), branch.strip(), occurredAt);
    }
}
