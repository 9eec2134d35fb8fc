package io.kinlink.member.rest;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.member.Visit;

public record VisitResponse(UUID id, UUID memberId, String externalVisitId, String branch, Instant occurredAt,
                            Instant recordedAt) {

    static VisitResponse from(Visit visit) {
        return new VisitResponse(visit.id(), visit.memberId(), visit.externalVisitId(), visit.branch(),
                visit.occurredAt(), visit.recordedAt());
    }
}
