package io.kinlink.member.rest;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.member.Satisfaction;

public record SatisfactionResponse(UUID id, UUID memberId, UUID visitId, UUID purchaseId, int score,
                                   String complaint, boolean complaintOpen, Instant recordedAt) {

    static SatisfactionResponse from(Satisfaction s) {
        return new SatisfactionResponse(s.id(), s.memberId(), s.visitId(), s.purchaseId(), s.score(), s.complaint(),
                s.complaintOpen(), s.recordedAt());
    }
}
