package io.kinlink.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kinlink.gateway")
public interface GatewaySettings {

    /** Base URL of each service by name: member, referral, rewards. */
    Map<String, URI> services();

    /** How long a service may take to answer before the caller gets 504. */
    @WithDefault("10s")
    Duration timeout();

    /** How long connecting to a service may take before the caller gets 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Larger request bodies are refused with 413. */
    @WithDefault("65536")
    long maxBodyBytes();
}
