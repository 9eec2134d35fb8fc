package io.kinlink.rewards.rules;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One version of a rule, in force from {@code effectiveFrom} until {@code effectiveTo} (open
 * when null). At any moment, the highest version of a rule in force is the one that applies.
 */
public record RuleVersion(String ruleId, int version, RuleKind kind, @JsonRawValue String params,
                          Instant effectiveFrom, Instant effectiveTo, Instant createdAt, String note) {

    public boolean inForceAt(Instant at) {
        return !at.isBefore(effectiveFrom) && (effectiveTo == null || at.isBefore(effectiveTo));
    }
}
