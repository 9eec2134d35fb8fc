package io.kinlink.platform.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.TimeUnit;

import javax.crypto.SecretKey;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The gateway signs one identity per caller and reuses it for half a minute, so a service sees the
 * same token many times: the first is verified by smallrye-jwt (signature, issuer, audience,
 * expiry), the rest reuse that verification until the token's own {@code exp}. Keyed by the whole
 * token, so only the exact bytes verified once pass. A Caffeine cache: bounded by eviction (a flood
 * of new tokens does not push out the hot ones), one verification at a time per token, its hits and
 * misses published as {@code cache_gets_total{cache="verified-tokens"}}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ReusedTokenVerifications implements JWTParser {

    private static final int MAX_TOKENS = 20_000;

    private final DefaultJWTParser verifier;
    private final Cache<String, JsonWebToken> verified;

    public ReusedTokenVerifications(DefaultJWTParser verifier, MeterRegistry registry) {
        this(verifier, registry, MAX_TOKENS);
    }

    ReusedTokenVerifications(DefaultJWTParser verifier, MeterRegistry registry, int maxTokens) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .expireAfter(new UntilExpiry())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, verified, "verified-tokens");
    }

    /** Runs the evictions that are due now (they otherwise run in the background, soon after a write). */
    void settle() {
        verified.cleanUp();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        try {
            return verified.get(token, this::verify);
        } catch (Refused refused) {
            throw refused.cause;
        }
    }

    private JsonWebToken verify(String token) {
        try {
            return verifier.parse(token);
        } catch (ParseException e) {
            throw new Refused(e);
        }
    }

    /** A refusal carried out of the cache's loader, which takes no checked exceptions; never cached. */
    private static final class Refused extends RuntimeException {
        private final ParseException cause;

        Refused(ParseException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    /** A verification is good until the token's own expiry, and not a moment longer. */
    private static final class UntilExpiry implements Expiry<String, JsonWebToken> {
        @Override
        public long expireAfterCreate(String token, JsonWebToken jwt, long now) {
            long left = TimeUnit.SECONDS.toNanos(jwt.getExpirationTime()) - TimeUnit.MILLISECONDS.toNanos(
                    System.currentTimeMillis());
            return Math.max(0, left);
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken jwt, long now, long current) {
            return current;
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken jwt, long now, long current) {
            return current;
        }
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
