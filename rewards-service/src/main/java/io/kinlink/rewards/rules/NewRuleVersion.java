package io.kinlink.rewards.rules;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.kinlink.platform.input.BusinessTime;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new version of a rule.
 *
 * @param effectiveFrom when it takes effect; now when left out
 * @param effectiveTo   when it stops (a campaign's end); open when left out
 */
public record NewRuleVersion(@NotNull RuleKind kind, @NotNull JsonNode params, @BusinessTime(planned = true) Instant effectiveFrom,
                             @BusinessTime(planned = true) Instant effectiveTo, @Size(max = 200) String note) {
}
