package io.kinlink.rewards.gate;

import java.time.Instant;
import java.util.UUID;

/** A reward held back by the budget cap, with why, and what became of it. */
public record HeldRewardView(UUID id, String period, UUID memberId, String kind, long valueFen, String description,
                             String reason, String status, Instant heldAt, Instant decidedAt, String decidedBy,
                             String decisionNote) {
}
