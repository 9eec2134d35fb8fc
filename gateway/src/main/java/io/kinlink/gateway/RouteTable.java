package io.kinlink.gateway;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which service answers which public path. Order matters: the member-scoped paths of the
 * referral and rewards services come before the member service's own catch-all.
 */
public final class RouteTable {

    private record Route(Pattern path, String service) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route(Pattern.compile("/api/members/[^/]+/referral-code"), "referral"),
            new Route(Pattern.compile("/api/members/[^/]+/(referrals|network|shares)(/.*)?"), "referral"),
            new Route(Pattern.compile("/api/referral-codes(/.*)?"), "referral"),
            new Route(Pattern.compile("/api/referrals(/.*)?"), "referral"),
            new Route(Pattern.compile("/r/[^/]+"), "referral"),
            new Route(Pattern.compile("/api/members/[^/]+/rewards(/.*)?"), "rewards"),
            new Route(Pattern.compile("/api/rewards(/.*)?"), "rewards"),
            new Route(Pattern.compile("/api/members(/.*)?"), "member"),
            new Route(Pattern.compile("/api/(purchases|refunds|visits|satisfaction)(/.*)?"), "member"),
            new Route(Pattern.compile("/api/auth(/.*)?"), "member"),
            new Route(Pattern.compile("/api/partner-keys(/.*)?"), "member"));

    private RouteTable() {
    }

    /** The service for a request path (without query string), if any serves it. */
    public static Optional<String> serviceFor(String path) {
        return ROUTES.stream().filter(route -> route.path().matcher(path).matches()).map(Route::service).findFirst();
    }
}
