package io.kinlink.gateway;

import java.util.Locale;
import java.util.Optional;

/**
 * Which limit a request counts against, by what it does: opening share links, registering and
 * logging in are limited per client address; everything else shares a general per-address limit.
 * Registration and login limits guard against guessing and mass sign-ups, so every gateway replica
 * counts them together ({@link SharedRateLimits}); the others are each replica's flood guard.
 */
enum RateLimitPolicy {
    LANDING(false),
    REGISTRATION(true),
    LOGIN(true),
    GENERAL(false);

    private final boolean shared;

    RateLimitPolicy(boolean shared) {
        this.shared = shared;
    }

    /** Whether all gateway replicas count this limit together. */
    boolean shared() {
        return shared;
    }

    static RateLimitPolicy of(String method, String path) {
        if (path.startsWith("/r/")) {
            return LANDING;
        }
        if ("POST".equals(method) && "/api/members".equals(path)) {
            return REGISTRATION;
        }
        if (path.startsWith("/api/auth/") || path.equals(ConsoleSession.PATH)) {
            return LOGIN;
        }
        return GENERAL;
    }

    Optional<GatewaySettings.Limit> limitIn(GatewaySettings settings) {
        return Optional.ofNullable(settings.rateLimits().get(name().toLowerCase(Locale.ROOT)));
    }
}
