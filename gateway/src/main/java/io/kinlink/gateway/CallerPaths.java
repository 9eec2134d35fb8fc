package io.kinlink.gateway;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a caller may reach without logging in (share links, sign-up with the privacy notice it
 * accepts and the branches it picks from, code lookups, logging in),
 * and where a member's {@code /api/me/...} lives: the same paths under {@code /api/members/{id}}.
 * The services check every call again; this only turns strangers away early with a 401.
 */
final class CallerPaths {

    private record Open(String method, Pattern path) {
    }

    private static final List<Open> OPEN = List.of(
            new Open("GET", Pattern.compile("/r/[^/]+")),
            new Open("POST", Pattern.compile("/api/members")),
            new Open("GET", Pattern.compile("/api/referral-codes/[^/]+")),
            new Open("GET", Pattern.compile("/api/privacy-notice")),
            new Open("GET", Pattern.compile("/api/branches")),
            new Open("POST", Pattern.compile("/api/auth/(operator-token|member-code|member-token|refresh|logout)")));

    private CallerPaths() {
    }

    static boolean openToAnyone(String method, String path) {
        return OPEN.stream().anyMatch(open -> open.method().equals(method) && open.path().matcher(path).matches());
    }

    static boolean isMine(String path) {
        return path.equals("/api/me") || path.startsWith("/api/me/");
    }

    /** The member's own path for {@code /api/me...}: {@code /api/me/rewards/balance} -> {@code /api/members/{id}/rewards/balance}. */
    static Optional<String> mine(String path, Callers.VerifiedCaller caller) {
        if (!"member".equals(caller.kind()) || !isMine(path)) {
            return Optional.empty();
        }
        return Optional.of("/api/members/" + caller.subject() + path.substring("/api/me".length()));
    }
}
