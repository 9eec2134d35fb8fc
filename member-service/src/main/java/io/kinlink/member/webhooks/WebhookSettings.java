package io.kinlink.member.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How webhooks are sent: where to, how often they are retried, and when an endpoint is given up on. */
@ConfigMapping(prefix = "kinlink.webhooks")
public interface WebhookSettings {

    /**
     * The pauses before each retry after the first try; the default (Standard Webhooks' schedule,
     * stretched) keeps trying for about three days. A delivery whose schedule runs out is FAILED.
     */
    @WithDefault("5s,5m,30m,2h,5h,10h,14h,20h,20h")
    List<Duration> retrySchedule();

    /** An endpoint failing without a single success for this long is disabled, with the reason shown. */
    @WithDefault("P3D")
    Duration disableAfter();

    /** How often due deliveries are looked for. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a receiver has to answer one try. */
    @WithDefault("10s")
    Duration timeout();

    /** How long the previous secret still signs after a rotation. */
    @WithDefault("PT24H")
    Duration secretOverlap();

    /** Tries in flight at once, over all endpoints. */
    @WithDefault("16")
    @Min(1)
    @Max(256)
    int concurrency();

    /**
     * Hosts endpoints may be on ({@code hooks.partner.example} or {@code *.partner.example}); when
     * absent, any public host.
     */
    Optional<List<String>> allowedHosts();

    /**
     * Lets endpoints use plain http and loopback or private addresses: for local runs and tests
     * only, never where the service can reach an internal network.
     */
    @WithDefault("false")
    boolean allowInsecureTargets();
}
