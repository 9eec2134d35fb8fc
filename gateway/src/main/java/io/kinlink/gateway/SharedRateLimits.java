package io.kinlink.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * Limits every gateway replica shares: a partner key's rate, the login and registration limits.
 * The tokens live in the member service's buckets ({@code POST /internal/rate-leases}, one
 * conditional statement each); a replica leases a tenth of a second's worth at a time (at least
 * one), spends them here for at most a second and gives back what it did not spend with its next
 * lease. So a limit admits at most its rate across all replicas, and a caller spread over
 * {@code n} replicas may get up to {@code n} leases less than it in a window (the tolerance the
 * README states). A refusal is known locally until the bucket refills, so a caller hammering over
 * its limit costs no call. Buckets are named by a keyed hash: no address or key id leaves here.
 *
 * <p>When the member service cannot be reached or does not answer leases, this replica limits on
 * its own (its {@link RateLimiter}) for a few seconds, then asks again: a limit never fails open
 * and never takes the API down with it.
 */
final class SharedRateLimits {

    private static final Logger LOG = Logger.getLogger(SharedRateLimits.class);
    private static final String LEASES = "/internal/rate-leases";
    private static final long LEASE_LIFE = TimeUnit.SECONDS.toNanos(1);
    private static final long ALONE_AFTER_FAILURE = TimeUnit.SECONDS.toNanos(5);

    private final HttpClient client;
    private final URI memberService;
    private final Duration timeout;
    private final ForwardedIdentity identity;
    private final RateLimiter alone;
    private final LongSupplier nanoTime;
    private final SecretKeySpec bucketNames;
    private final Cache<String, Lease> leases = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(2)).build();
    private final Counter leaseCalls;
    private final Counter unshared;
    private final boolean shared;
    private volatile long aloneUntil;

    SharedRateLimits(HttpClient client, GatewaySettings settings, ForwardedIdentity identity, RateLimiter alone,
                     LongSupplier nanoTime, MeterRegistry registry) {
        this.client = client;
        this.memberService = settings.services().get("member");
        this.timeout = settings.timeout();
        this.identity = identity;
        this.alone = alone;
        this.nanoTime = nanoTime;
        this.bucketNames = new SecretKeySpec(derivedKey(settings.signingKey()), "HmacSHA256");
        this.leaseCalls = Counter.builder("gateway.rate_limits.leases")
                .description("Leases of shared rate-limit tokens asked of the member service").register(registry);
        this.unshared = Counter.builder("gateway.rate_limits.unshared")
                .description("Requests limited by this replica alone, the shared buckets being unreachable")
                .register(registry);
        this.shared = settings.sharedRateLimits();
        this.aloneUntil = nanoTime.getAsLong();
    }

    /**
     * 0 when a request counted against {@code key} may pass, else whole seconds until it may.
     * Completes on the caller's Vert.x context.
     */
    Future<Long> secondsUntilAllowed(String key, int perMinute, int burst) {
        return CallersContext.answerHere(decide(key, perMinute, burst));
    }

    private Future<Long> decide(String key, int perMinute, int burst) {
        long now = nanoTime.getAsLong();
        if (!shared || now - aloneUntil < 0) {
            if (shared) {
                unshared.increment();
            }
            return Future.succeededFuture(alone.secondsUntilAllowed(key, perMinute, burst));
        }
        Lease lease = leases.get(key, k -> new Lease(now));
        Future<Void> pending;
        synchronized (lease) {
            if (lease.tokens > 0 && now - lease.expiresAt < 0) {
                lease.tokens--;
                return Future.succeededFuture(0L);
            }
            if (now - lease.refusedUntil < 0) {
                return Future.succeededFuture(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(lease.refusedUntil - now + 999_999_999)));
            }
            if (lease.pending == null) {
                int unspent = lease.tokens;
                lease.tokens = 0;
                lease.pending = ask(key, lease, perMinute, burst, unspent);
            }
            pending = lease.pending;
        }
        // once the lease is in, this request takes its token like any other
        return pending.transform(ignored -> decide(key, perMinute, burst));
    }

    private Future<Void> ask(String key, Lease lease, int perMinute, int burst, int unspent) {
        int wanted = Math.max(1, Math.min(burst, perMinute / 600));
        JsonObject body = new JsonObject().put("bucket", bucketName(key)).put("perMinute", perMinute)
                .put("burst", burst).put("wanted", wanted).put("returned", unspent);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(memberService.resolve(LEASES).toString())
                .setIdleTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Authorization", "Bearer " + identity.gatewayToken());
        leaseCalls.increment();
        return client.request(options)
                .compose(request -> request.send(body.encode()))
                .compose(response -> response.body().map(answer -> {
                    JsonObject granted = response.statusCode() == 200 ? answer.toJsonObject() : null;
                    if (granted == null || granted.getInteger("granted") == null) {
                        throw new IllegalStateException("The rate lease answered " + response.statusCode());
                    }
                    return granted;
                }))
                .transform(result -> {
                    long now = nanoTime.getAsLong();
                    synchronized (lease) {
                        lease.pending = null;
                        if (result.succeeded()) {
                            lease.tokens = result.result().getInteger("granted");
                            lease.expiresAt = now + LEASE_LIFE;
                            lease.refusedUntil = lease.tokens > 0 ? now
                                    : now + TimeUnit.SECONDS.toNanos(result.result().getLong("retryAfterSeconds", 1L));
                            if (lease.tokens == 0) {
                                // once per bucket and refill at most: the refusal stands until then
                                LOG.infof("A shared limit is spent (%s a minute, bursts of %d): refused for %d s", perMinute,
                                        burst, result.result().getLong("retryAfterSeconds", 1L));
                            }
                        }
                    }
                    if (result.failed()) {
                        LOG.warnf("Shared rate limits unavailable (%s); this replica limits alone for %d s",
                                result.cause().getMessage(), TimeUnit.NANOSECONDS.toSeconds(ALONE_AFTER_FAILURE));
                        aloneUntil = now + ALONE_AFTER_FAILURE;
                    }
                    return Future.succeededFuture();
                });
    }

    /** The same name on every replica (they share the signing key), and nothing the member service could read back. */
    private String bucketName(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(bucketNames);
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derivedKey(String signingKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("kinlink rate buckets\n".getBytes(StandardCharsets.UTF_8));
            return sha256.digest(signingKey.strip().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This replica's share of one bucket: tokens it may spend until they expire, or a refusal until the bucket refills. */
    private static final class Lease {
        int tokens;
        long expiresAt;
        long refusedUntil;
        Future<Void> pending;

        Lease(long now) {
            this.expiresAt = now;
            this.refusedUntil = now;
        }
    }
}
