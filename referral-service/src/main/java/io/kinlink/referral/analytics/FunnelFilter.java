package io.kinlink.referral.analytics;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Which funnel to count: events in {@code [from, to)}, optionally of one referrer, of referrers
 * at one branch, or of one campaign (the campaign a share or a link click carried).
 */
public record FunnelFilter(Instant from, Instant to, Optional<UUID> referrer, Optional<String> branch,
                           Optional<String> campaign) {
}
