package io.kinlink.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void member_scoped_paths_go_to_the_service_that_owns_them() {
        assertEquals(Optional.of("referral"), RouteTable.serviceFor("/api/members/42/referral-code"));
        assertEquals(Optional.of("rewards"), RouteTable.serviceFor("/api/members/42/rewards/history"));
        assertEquals(Optional.of("member"), RouteTable.serviceFor("/api/members/42/gold-standards"));
        assertEquals(Optional.of("member"), RouteTable.serviceFor("/api/members"));
    }

    @Test
    void partner_activity_goes_to_the_member_service() {
        for (String path : new String[] {"/api/purchases", "/api/refunds", "/api/visits", "/api/satisfaction"}) {
            assertEquals(Optional.of("member"), RouteTable.serviceFor(path), path);
        }
    }

    @Test
    void share_links_go_to_the_referral_service_and_unknown_paths_nowhere() {
        assertEquals(Optional.of("referral"), RouteTable.serviceFor("/r/ABC2345"));
        assertEquals(Optional.of("referral"), RouteTable.serviceFor("/api/members/42/shares"));
        assertEquals(Optional.of("referral"), RouteTable.serviceFor("/api/members/42/network"));
        assertEquals(Optional.of("referral"), RouteTable.serviceFor("/api/referrals/funnel"));
        assertEquals(Optional.of("rewards"), RouteTable.serviceFor("/api/rewards/rules/order-cap"));
        assertEquals(Optional.of("member"), RouteTable.serviceFor("/api/auth/operator-token"));
        assertEquals(Optional.of("member"), RouteTable.serviceFor("/api/members/42/networking"));
        assertEquals(Optional.empty(), RouteTable.serviceFor("/api/purchasesx"));
        assertEquals(Optional.empty(), RouteTable.serviceFor("/admin"));
        // each service's dead letters, by its name
        assertEquals(Optional.of("rewards"), RouteTable.serviceFor("/api/dead-letters/rewards-service"));
        assertEquals(Optional.of("member"), RouteTable.serviceFor("/api/dead-letters/member-service/42/replay"));
        assertEquals(Optional.empty(), RouteTable.serviceFor("/api/dead-letters/gateway"));
    }
}
