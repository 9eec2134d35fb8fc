package io.kinlink.gateway;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which service answers which public path, and the route's name for metrics and traces. A route
 * is written as a template: {@code {name}} is one path segment, {@code (a|b)} one of the words,
 * {@code /**} anything below. Order matters: the member-scoped paths of the referral and rewards
 * services come before the member service's own catch-all.
 */
public final class RouteTable {

    /** A path's service and its route: the template with the word it matched, never a raw id. */
    public record Match(String service, String route) {
    }

    private record Route(String template, Pattern path, String service) {

        static Route of(String template, String service) {
            String regex = template.replaceAll("\\{\\w+}", "[^/]+").replace("/**", "(?:/.*)?");
            return new Route(template, Pattern.compile(regex), service);
        }

        /** The template with each {@code (a|b)} replaced by the word the path has there. */
        String routeOf(Matcher matched) {
            Matcher words = Pattern.compile("\\([^)]*\\)").matcher(template);
            StringBuilder route = new StringBuilder();
            int group = 0;
            while (words.find()) {
                words.appendReplacement(route, Matcher.quoteReplacement(matched.group(++group)));
            }
            return words.appendTail(route).toString();
        }
    }

    private static final List<Route> ROUTES = List.of(
            Route.of("/api/members/{id}/referral-code", "referral"),
            Route.of("/api/members/{id}/(referrals|network|shares)/**", "referral"),
            Route.of("/api/referral-codes/**", "referral"),
            Route.of("/api/referrals/**", "referral"),
            Route.of("/r/{code}", "referral"),
            Route.of("/api/members/{id}/rewards/**", "rewards"),
            Route.of("/api/rewards/**", "rewards"),
            Route.of("/api/members/**", "member"),
            Route.of("/api/(purchases|refunds|visits|satisfaction)/**", "member"),
            Route.of("/api/auth/**", "member"),
            Route.of("/api/partner-keys/**", "member"),
            Route.of("/api/follow-ups/**", "member"),
            Route.of("/api/webhooks/**", "member"),
            Route.of("/api/privacy-notice", "member"),
            Route.of("/api/branches/**", "member"),
            Route.of("/api/privacy-notices/**", "member"),
            // each service keeps the events it gave up on; operators reach them by the service's name
            Route.of("/api/dead-letters/member-service/**", "member"),
            Route.of("/api/dead-letters/referral-service/**", "referral"),
            Route.of("/api/dead-letters/rewards-service/**", "rewards"));

    private RouteTable() {
    }

    /** The service for a request path (without query string), if any serves it. */
    public static Optional<String> serviceFor(String path) {
        return routeFor(path).map(Match::service);
    }

    /** The service and route of a request path (without query string), if any serves it. */
    public static Optional<Match> routeFor(String path) {
        for (Route route : ROUTES) {
            Matcher matcher = route.path().matcher(path);
            if (matcher.matches()) {
                return Optional.of(new Match(route.service(), route.routeOf(matcher)));
            }
        }
        return Optional.empty();
    }
}
