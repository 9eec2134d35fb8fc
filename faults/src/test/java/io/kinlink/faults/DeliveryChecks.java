package io.kinlink.faults;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Nothing lost on the way: every event an outbox holds was published and reached the inbox of
 * every consumer of its topic, and every write the API acknowledged is in the databases, with the
 * effects that events carry to the other services.
 */
final class DeliveryChecks {

    /** Who reads each topic: the consumer names their inboxes record (each service's messaging package). */
    static final Map<String, List<String[]>> CONSUMERS = Map.of(
            "kinlink.member-events", List.of(new String[] {"referral", "referral-service/member-events"},
                    new String[] {"rewards", "rewards-service/member-events"},
                    new String[] {"member", "member-service/webhooks"}),
            "kinlink.referral-events", List.of(new String[] {"member", "member-service/referral-events"},
                    new String[] {"rewards", "rewards-service/referral-events"},
                    new String[] {"member", "member-service/webhooks"}),
            "kinlink.rewards-events", List.of(new String[] {"referral", "referral-service/rewards-events"},
                    new String[] {"member", "member-service/webhooks"}));

    private final Databases databases;
    private final List<String> violations;

    DeliveryChecks(Databases databases, List<String> violations) {
        this.databases = databases;
        this.violations = violations;
    }

    /** How many events the outboxes hold. */
    long events() throws SQLException {
        long events = 0;
        for (String service : Databases.SERVICES) {
            events += databases.count(service, "select count(*) from outbox_event");
        }
        return events;
    }

    void check(Acknowledged acknowledged) throws SQLException {
        outboxesReachedInboxes();
        acknowledgedWrites(acknowledged);
    }

    private void outboxesReachedInboxes() throws SQLException {
        Map<String, Set<String>> inboxes = new HashMap<>();
        for (String service : Databases.SERVICES) {
            for (Map<String, Object> row : databases.rows(service, "select consumer, event_id from processed_event")) {
                inboxes.computeIfAbsent(service + "|" + row.get("consumer"), inbox -> new HashSet<>())
                        .add(row.get("event_id").toString());
            }
        }
        for (String service : Databases.SERVICES) {
            for (Map<String, Object> event : databases.rows(service,
                    "select id, topic, event_type, published_at from outbox_event")) {
                if (event.get("published_at") == null) {
                    violations.add(service + " never published " + event.get("event_type") + " " + event.get("id"));
                }
                for (String[] consumer : CONSUMERS.getOrDefault((String) event.get("topic"), List.of())) {
                    if (!inboxes.getOrDefault(consumer[0] + "|" + consumer[1], Set.of()).contains(event.get("id").toString())) {
                        violations.add(consumer[1] + " never applied " + event.get("event_type") + " " + event.get("id"));
                    }
                }
            }
        }
    }

    private void acknowledgedWrites(Acknowledged acknowledged) throws SQLException {
        for (Acknowledged.Member member : acknowledged.members.values()) {
            present("member", "select count(*) from member where id = ?", member.id(), "member " + member.id());
            present("rewards", "select count(*) from known_member where member_id = ?", member.id(),
                    "member " + member.id() + " known to the rewards service");
        }
        Map<String, Long> refunded = new HashMap<>();
        for (Acknowledged.Refund refund : acknowledged.refunds) {
            refunded.merge(refund.purchaseId(), refund.amountFen(), Long::sum);
            present("member", "select count(*) from refund where id = ? and amount_fen = " + refund.amountFen(),
                    refund.id(), "refund " + refund.id());
        }
        for (Acknowledged.Purchase purchase : acknowledged.purchases.values()) {
            present("member", "select count(*) from purchase where id = ? and amount_fen = " + purchase.amountFen(),
                    purchase.id(), "purchase " + purchase.id());
            present("rewards", "select count(*) from purchase_record where purchase_id = ? and amount_fen = "
                    + purchase.amountFen() + " and refunded_fen = " + refunded.getOrDefault(purchase.id(), 0L),
                    purchase.id(), "purchase " + purchase.id() + " with its refunds in the rewards service");
        }
        for (Acknowledged.Redemption redemption : acknowledged.redemptions) {
            present("rewards", "select count(*) from redemption where external_transaction_id = ? and points = "
                    + redemption.points() + " and member_id = '" + UUID.fromString(redemption.memberId()) + "'",
                    redemption.tillTransaction(), "redemption " + redemption.tillTransaction());
        }
        for (Acknowledged.Coupon coupon : acknowledged.coupons) {
            List<Map<String, Object>> rows = databases.rows("rewards",
                    "select member_id, status, redemption_transaction from coupon where id = ?", UUID.fromString(coupon.id()));
            if (rows.size() != 1 || !rows.get(0).get("member_id").toString().equals(coupon.memberId())) {
                violations.add("coupon " + coupon.id() + " issued to " + coupon.memberId() + " is missing");
            } else if (coupon.redeemedBy() != null && (!"REDEEMED".equals(rows.get(0).get("status"))
                    || !Objects.equals(coupon.redeemedBy(), rows.get(0).get("redemption_transaction")))) {
                violations.add("coupon " + coupon.id() + " used at till " + coupon.redeemedBy() + " is " + rows.get(0));
            }
        }
    }

    private void present(String service, String sql, String id, String what) throws SQLException {
        Object parameter = id.length() == 36 && id.charAt(8) == '-' ? UUID.fromString(id) : id;
        long found = databases.count(service, sql, parameter);
        if (found != 1) {
            violations.add(what + " was acknowledged but the " + service + " database has it " + found + " times");
        }
    }
}
