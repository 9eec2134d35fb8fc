package io.kinlink.rewards.gate;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import io.kinlink.rewards.budget.RewardKind;

/** A reward held back by the budget cap, with why, and what became of it. */
public record HeldRewardView(UUID id, YearMonth period, UUID memberId, RewardKind kind, long valueFen,
                             String description, String reason, HeldRewardStatus status, Instant heldAt,
                             Instant decidedAt, String decidedBy, String decisionNote) {
}
