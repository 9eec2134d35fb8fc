package io.kinlink.faults;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every write the platform acknowledged (a 2xx) during one seed's workload, as the client saw it:
 * what the audit expects to find in the databases afterwards, exactly once.
 */
final class Acknowledged {

    /** A member and the member whose code they signed up with (null for none). */
    record Member(String id, String referrer) {
    }

    record Purchase(String id, String memberId, long amountFen) {
    }

    record Refund(String id, String purchaseId, long amountFen) {
    }

    record Redemption(String memberId, String tillTransaction, long points) {
    }

    record Coupon(String id, String memberId, String requestId, String redeemedBy) {
    }

    final Map<String, Member> members = new ConcurrentHashMap<>();
    final Map<String, Purchase> purchases = new ConcurrentHashMap<>();
    final List<Refund> refunds = new CopyOnWriteArrayList<>();
    final List<Redemption> redemptions = new CopyOnWriteArrayList<>();
    final List<Coupon> coupons = new CopyOnWriteArrayList<>();

    int writes() {
        return members.size() + purchases.size() + refunds.size() + redemptions.size() + coupons.size()
                + (int) coupons.stream().filter(coupon -> coupon.redeemedBy() != null).count();
    }
}
