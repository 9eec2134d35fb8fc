package io.kinlink.faults;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit's own model of what a purchase earns, written from the documented rules (rewards
 * README, "Rules") and not from the rewards service's code: for each purchase in the member
 * service's database, the chain above the buyer from the referral service's attributions, the
 * rule versions in force at the purchase, and so the points each level and the buyer are owed;
 * then what every refund must have taken back. Compared with the ledger credit by credit.
 */
final class PurchaseCredits {

    /** 100 points make 1 CNY: a rate of r basis points of A fen is A x r / 10,000 points, rounded down. */
    private static final long BASIS = 10_000;
    private static final Duration VIP_LOOKBACK = Duration.ofDays(365);
    private static final int CHAIN_DEPTH = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Databases databases;
    private final List<String> violations;
    private final Map<Object, Object> referrerOf = new HashMap<>();
    private final Map<Object, List<Map<String, Object>>> qualificationsOf = new HashMap<>();
    private final List<Map<String, Object>> rules;

    PurchaseCredits(Databases databases, List<String> violations) throws SQLException {
        this.databases = databases;
        this.violations = violations;
        for (Map<String, Object> referral : databases.rows("referral",
                "select referee_id, referrer_id, qualified_at, reversed_at from referral")) {
            referrerOf.put(referral.get("referee_id"), referral.get("referrer_id"));
            if (referral.get("qualified_at") != null) {
                qualificationsOf.computeIfAbsent(referral.get("referrer_id"), referrer -> new ArrayList<>()).add(referral);
            }
        }
        rules = databases.rows("rewards", "select rule_id, version, kind, params, effective_from, effective_to from reward_rule");
    }

    /** One credit the model expects: who, how many points, at which chain level (null for the buyer's own). */
    private record Owed(String reason, Integer level, Object member, long points) {
    }

    void check() throws SQLException {
        Map<Object, Long> refunded = new HashMap<>();
        for (Map<String, Object> row : databases.rows("member",
                "select purchase_id, sum(amount_fen) as refunded from refund group by purchase_id")) {
            refunded.put(row.get("purchase_id"), ((Number) row.get("refunded")).longValue());
        }
        Map<String, Map<String, Object>> credits = new HashMap<>();
        for (Map<String, Object> credit : databases.rows("rewards", """
                select t.id, t.reason, t.source_id, t.chain_level, t.member_id,
                       (select sum(e.amount) from ledger_entry e join ledger_account a on a.id = e.account_id
                        where e.transaction_id = t.id and a.member_id is not null) as points,
                       (select coalesce(-sum(e.amount), 0) from ledger_transaction r
                        join ledger_entry e on e.transaction_id = r.id join ledger_account a on a.id = e.account_id
                        where r.reverses_transaction_id = t.id and a.member_id is not null) as reversed
                from ledger_transaction t
                where t.source_type = 'PURCHASE' and t.reverses_transaction_id is null
                  and t.reason in ('REFERRAL_REBATE', 'OWN_SPEND')""")) {
            Map<String, Object> earlier = credits.put(key(credit.get("source_id"), (String) credit.get("reason"),
                    (Integer) credit.get("chain_level")), credit);
            if (earlier != null) {
                violations.add("purchase " + credit.get("source_id") + " paid " + credit.get("reason") + " level "
                        + credit.get("chain_level") + " twice: " + earlier.get("id") + " and " + credit.get("id"));
            }
        }
        for (Map<String, Object> purchase : databases.rows("member",
                "select id, member_id, amount_fen, occurred_at from purchase")) {
            long amount = ((Number) purchase.get("amount_fen")).longValue();
            long refund = refunded.getOrDefault(purchase.get("id"), 0L);
            for (Owed owed : owed(purchase.get("member_id"), amount, ((Timestamp) purchase.get("occurred_at")).toInstant())) {
                String key = key(purchase.get("id"), owed.reason(), owed.level());
                Map<String, Object> credit = credits.remove(key);
                if (credit == null) {
                    violations.add("purchase " + purchase.get("id") + " owes " + owed + " but the ledger has no such credit");
                    continue;
                }
                long paid = ((Number) credit.get("points")).longValue();
                if (paid != owed.points() || !owed.member().equals(credit.get("member_id"))) {
                    violations.add("purchase " + purchase.get("id") + " owes " + owed + " but the ledger credited "
                            + paid + " to " + credit.get("member_id"));
                }
                long mustReverse = paid * Math.min(refund, amount) / amount;
                long reversed = ((Number) credit.get("reversed")).longValue();
                if (reversed != mustReverse) {
                    violations.add("credit " + credit.get("id") + " of purchase " + purchase.get("id") + " (" + paid
                            + " points, " + refund + " of " + amount + " fen refunded) was reversed by " + reversed
                            + " instead of " + mustReverse);
                }
            }
        }
        credits.values().forEach(credit -> violations.add("credit " + credit.get("id") + " (" + credit.get("reason")
                + " level " + credit.get("chain_level") + ") for purchase " + credit.get("source_id")
                + " that the model does not owe"));
    }

    private static String key(Object purchase, String reason, Integer level) {
        return purchase + "/" + reason + "/" + level;
    }

    /** The credits a purchase earns, by the rule versions in force when it was made. */
    private List<Owed> owed(Object buyer, long amountFen, Instant at) {
        List<Owed> owed = new ArrayList<>();
        if (inForce("CAMPAIGN_MULTIPLIER", null, at).isPresent()) {
            violations.add("a campaign is in force at " + at + ": the workload sets none and the audit models none");
        }
        inForce(null, "referral-rebate", at).ifPresent(rebate -> owed.addAll(rebates(buyer, amountFen, at, rebate)));
        inForce(null, "own-spend-points", at).ifPresent(ownSpend -> {
            long points = amountFen * ownSpend.path("pointsPerCny").asLong() / 100;
            if (points > 0) {
                owed.add(new Owed("OWN_SPEND", null, buyer, points));
            }
        });
        return owed;
    }

    private List<Owed> rebates(Object buyer, long amountFen, Instant at, JsonNode rebate) {
        List<Object> chain = new ArrayList<>();
        for (Object up = referrerOf.get(buyer); up != null && chain.size() < CHAIN_DEPTH; up = referrerOf.get(up)) {
            chain.add(up);
        }
        List<Long> points = new ArrayList<>();
        for (int level = 1; level <= chain.size(); level++) {
            boolean vip = qualifiedReferrals(chain.get(level - 1), at) >= rebate.path("vipMinQualifiedReferrals").asInt();
            JsonNode table = rebate.path(vip ? "vipLevelRatesBasisPoints" : "levelRatesBasisPoints");
            points.add(level <= table.size() ? amountFen * table.get(level - 1).asLong() / BASIS : 0);
        }
        long total = points.stream().mapToLong(Long::longValue).sum();
        Optional<JsonNode> cap = inForce(null, "order-cap", at);
        if (cap.isPresent()) {
            long capPoints = amountFen * cap.get().path("maxShareBasisPoints").asLong() / BASIS;
            if (total > capPoints) {
                points.replaceAll(levelPoints -> levelPoints * capPoints / total);
            }
        }
        List<Owed> owed = new ArrayList<>();
        for (int level = 1; level <= chain.size(); level++) {
            if (points.get(level - 1) > 0) {
                owed.add(new Owed("REFERRAL_REBATE", level, chain.get(level - 1), points.get(level - 1)));
            }
        }
        return owed;
    }

    private long qualifiedReferrals(Object referrer, Instant at) {
        return qualificationsOf.getOrDefault(referrer, List.of()).stream().filter(referral -> {
            Instant qualified = ((Timestamp) referral.get("qualified_at")).toInstant();
            Timestamp reversed = (Timestamp) referral.get("reversed_at");
            return qualified.isAfter(at.minus(VIP_LOOKBACK)) && !qualified.isAfter(at)
                    && (reversed == null || reversed.toInstant().isAfter(at));
        }).count();
    }

    /** The params of the highest version in force at {@code at}, of a rule id or of any rule of a kind. */
    private Optional<JsonNode> inForce(String kind, String ruleId, Instant at) {
        return rules.stream()
                .filter(rule -> ruleId == null ? kind.equals(rule.get("kind")) : ruleId.equals(rule.get("rule_id")))
                .filter(rule -> !((Timestamp) rule.get("effective_from")).toInstant().isAfter(at))
                .filter(rule -> rule.get("effective_to") == null || ((Timestamp) rule.get("effective_to")).toInstant().isAfter(at))
                .max((a, b) -> Integer.compare((Integer) a.get("version"), (Integer) b.get("version")))
                .map(rule -> {
                    try {
                        return JSON.readTree((String) rule.get("params"));
                    } catch (Exception e) {
                        throw new IllegalStateException("Unreadable params of rule " + rule.get("rule_id"), e);
                    }
                });
    }
}
