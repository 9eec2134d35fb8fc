package io.kinlink.rewards.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.kinlink.platform.csv.SpreadsheetCsv;

/**
 * One reward in the compliance audit: what was given (points or a coupon, never cash), to whom,
 * why, by which rule and version, and the order behind it with its per-order cap; {@code hash}
 * covers this row and the hash of the one before it.
 *
 * @param chainLevel       the member's level above the buyer for a referral rebate; null otherwise
 * @param orderCapPoints   the per-order cap on the order's referral rebates at its time; null without a cap rule
 * @param orderRebatePoints what the order's referral rebates came to, all levels together
 */
public record AuditRow(int seq, UUID rewardId, String kind, String reason, UUID memberId, long points, long valueFen,
                       String ruleId, Integer ruleVersion, Integer chainLevel, UUID purchaseId, Long purchaseAmountFen,
                       String branch, Instant occurredAt, String orderCapRule, Long orderCapPoints,
                       Long orderRebatePoints, String explanation, String hash) {

    static final List<String> COLUMNS = List.of("seq", "rewardId", "kind", "reason", "memberId", "points", "valueFen",
            "ruleId", "ruleVersion", "chainLevel", "purchaseId", "purchaseAmountFen", "branch", "occurredAt",
            "orderCapRule", "orderCapPoints", "orderRebatePoints", "explanation", "hash");

    /** The row as a CSV line without its hash: what the hash covers, after the previous hash. */
    String content() {
        return SpreadsheetCsv.line(cells());
    }

    String csvLine() {
        List<Object> cells = cells();
        cells.add(hash);
        return SpreadsheetCsv.line(cells);
    }

    private List<Object> cells() {
        return new ArrayList<>(Arrays.asList(seq, rewardId, kind, reason, memberId, points, valueFen, ruleId,
                ruleVersion, chainLevel, purchaseId, purchaseAmountFen, branch, occurredAt, orderCapRule,
                orderCapPoints, orderRebatePoints, explanation));
    }

    AuditRow withHash(String hash) {
        return new AuditRow(seq, rewardId, kind, reason, memberId, points, valueFen, ruleId, ruleVersion, chainLevel,
                purchaseId, purchaseAmountFen, branch, occurredAt, orderCapRule, orderCapPoints, orderRebatePoints,
                explanation, hash);
    }
}
