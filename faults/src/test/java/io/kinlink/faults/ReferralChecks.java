package io.kinlink.faults;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The referral graph and what hangs on it: a forest whose stored chains match the attributions,
 * every acknowledged sign-up attributed to the member whose code it used and to no other,
 * referrals qualified by exactly the purchases that qualify them (and reversed by exactly the full
 * refunds of those), and one referrer coupon per qualified referral.
 */
final class ReferralChecks {

    /** kinlink.referral.qualifying-minimum-fen: a referee's purchase of 500 CNY qualifies the referral. */
    private static final long QUALIFYING_MINIMUM_FEN = 50_000;

    private final Databases databases;
    private final List<String> violations;

    ReferralChecks(Databases databases, List<String> violations) {
        this.databases = databases;
        this.violations = violations;
    }

    void check(Acknowledged acknowledged) throws SQLException {
        Map<Object, Map<String, Object>> referralOf = new HashMap<>();
        for (Map<String, Object> referral : databases.rows("referral",
                "select id, referee_id, referrer_id, qualified_at, reversed_at, qualifying_purchase_id from referral")) {
            referralOf.put(referral.get("referee_id"), referral);
        }
        forest(referralOf);
        attributions(acknowledged, referralOf);
        qualifications(referralOf);
    }

    private void forest(Map<Object, Map<String, Object>> referralOf) throws SQLException {
        for (Map<String, Object> member : databases.rows("referral",
                "select member_id, referrer_l1, referrer_l2, referrer_l3 from referral_member")) {
            List<Object> chain = new ArrayList<>();
            Set<Object> seen = new HashSet<>(List.of(member.get("member_id")));
            for (Map<String, Object> up = referralOf.get(member.get("member_id")); up != null;
                 up = referralOf.get(up.get("referrer_id"))) {
                if (!seen.add(up.get("referrer_id"))) {
                    violations.add("member " + member.get("member_id") + " is in a referral cycle");
                    break;
                }
                chain.add(up.get("referrer_id"));
            }
            for (int level = 1; level <= 3; level++) {
                Object stored = member.get("referrer_l" + level);
                Object attributed = level <= chain.size() ? chain.get(level - 1) : null;
                if (!Objects.equals(stored, attributed)) {
                    violations.add("member " + member.get("member_id") + " stores " + stored + " at level " + level
                            + " but the attributions give " + attributed);
                }
            }
        }
    }

    private void attributions(Acknowledged acknowledged, Map<Object, Map<String, Object>> referralOf) throws SQLException {
        Set<String> known = new HashSet<>();
        databases.rows("referral", "select member_id from referral_member")
                .forEach(row -> known.add(row.get("member_id").toString()));
        for (Acknowledged.Member member : acknowledged.members.values()) {
            if (!known.contains(member.id())) {
                violations.add("signed-up member " + member.id() + " never reached the referral service");
            }
            Map<String, Object> referral = referralOf.get(UUID.fromString(member.id()));
            String referrer = referral == null ? null : referral.get("referrer_id").toString();
            if (!Objects.equals(referrer, member.referrer())) {
                violations.add("member " + member.id() + " signed up with the code of " + member.referrer()
                        + " but is attributed to " + referrer);
            }
        }
    }

    private void qualifications(Map<Object, Map<String, Object>> referralOf) throws SQLException {
        Map<Object, Long> qualifyingPurchases = new HashMap<>();
        databases.rows("member", "select member_id, count(*) as n from purchase where amount_fen >= ? group by member_id",
                QUALIFYING_MINIMUM_FEN).forEach(row -> qualifyingPurchases.put(row.get("member_id"),
                ((Number) row.get("n")).longValue()));
        Map<Object, long[]> purchases = new HashMap<>();
        databases.rows("member", """
                select p.id, p.member_id, p.amount_fen, coalesce((select sum(r.amount_fen) from refund r
                  where r.purchase_id = p.id), 0) as refunded from purchase p""")
                .forEach(row -> purchases.put(row.get("id"), new long[] {((Number) row.get("amount_fen")).longValue(),
                        ((Number) row.get("refunded")).longValue()}));
        Map<String, Map<String, Object>> coupons = new HashMap<>();
        databases.rows("rewards", "select idempotency_key, member_id, status from coupon where idempotency_key like "
                + "'referral-qualified:%'").forEach(row -> coupons.put((String) row.get("idempotency_key"), row));
        for (Map<String, Object> referral : referralOf.values()) {
            boolean qualifies = qualifyingPurchases.containsKey(referral.get("referee_id"));
            boolean qualified = referral.get("qualified_at") != null;
            String name = "referral " + referral.get("id");
            if (qualifies != qualified) {
                violations.add(name + (qualified ? " qualified without" : " did not qualify despite")
                        + " a purchase of the minimum");
            }
            Map<String, Object> coupon = coupons.remove("referral-qualified:" + referral.get("id"));
            if (!qualified) {
                if (coupon != null) {
                    violations.add(name + " never qualified but its referrer has a coupon for it");
                }
                continue;
            }
            long[] qualifying = purchases.get(referral.get("qualifying_purchase_id"));
            boolean fullyRefunded = qualifying != null && qualifying[1] >= qualifying[0];
            if (qualifying == null || qualifying[0] < QUALIFYING_MINIMUM_FEN) {
                violations.add(name + " was qualified by purchase " + referral.get("qualifying_purchase_id")
                        + ", not one of the minimum");
            }
            if (fullyRefunded != (referral.get("reversed_at") != null)) {
                violations.add(name + (fullyRefunded ? " was not reversed although" : " was reversed although not")
                        + " its qualifying purchase was refunded in full");
            }
            if (coupon == null || !coupon.get("member_id").equals(referral.get("referrer_id"))) {
                violations.add(name + " qualified but its referrer has no coupon for it");
            } else if (fullyRefunded && !List.of("VOIDED", "REDEEMED").contains(coupon.get("status"))) {
                violations.add(name + " was reversed but its coupon is still " + coupon.get("status"));
            }
        }
        coupons.keySet().forEach(key -> violations.add("coupon " + key + " for a referral that does not exist"));
    }
}
