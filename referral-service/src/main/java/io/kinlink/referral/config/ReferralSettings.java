package io.kinlink.referral.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@ConfigMapping(prefix = "kinlink.referral")
public interface ReferralSettings {

    /**
     * How many levels of referrers a purchase rewards. 3 is the legal ceiling for distribution
     * schemes: the service refuses to start with more.
     */
    @WithDefault("3")
    @Min(1)
    @Max(3)
    int chainDepth();

    /** A referral qualifies at the referee's first purchase of at least this many fen ... */
    @WithDefault("50000")
    @Min(1)
    long qualifyingMinimumFen();

    /** ... made within this time after the referee registered. */
    @WithDefault("P90D")
    Duration qualifyingWindow();

    /** Where share links point: the public address of the gateway, without a trailing slash. */
    @WithDefault("http://localhost:8080")
    String shareBaseUrl();

    /** A landing-page click attributes a registration without a code for this long. */
    @WithDefault("P30D")
    Duration attributionWindow();

    /** Key for the hash of a clicker's IP address (HMAC-SHA256, base64): raw addresses are never kept. */
    String clickHashKey();
}
