package io.kinlink.member.ratelimit;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The rate_bucket table: one token bucket per limited thing, refilled at its rate up to its burst.
 * A lease takes up to the tokens wanted in one statement, under the row's lock, so gateways asking
 * at the same moment never take the same token twice.
 */
@ApplicationScoped
class RateBucketRepository {

    /**
     * Refills the bucket for the time since its last lease, gives back what a gateway did not use
     * of its previous lease, and takes up to {@code wanted} whole tokens. A bucket seen for the
     * first time starts full. {@code now()} is the statement's time: a lease that started before
     * another committed never refills backwards.
     */
    private static final String LEASE = """
            insert into rate_bucket as b (id, tokens, last_granted, refilled_at)
            values (?1, ?3 - least(?4, ?3), least(?4, ?3), now())
            on conflict (id) do update set
                last_granted = least(?4, floor(least(?3, b.tokens + ?5
                        + greatest(0, extract(epoch from now() - b.refilled_at)) * ?2 / 60.0)))::integer,
                tokens = least(?3, b.tokens + ?5 + greatest(0, extract(epoch from now() - b.refilled_at)) * ?2 / 60.0)
                        - least(?4, floor(least(?3, b.tokens + ?5
                        + greatest(0, extract(epoch from now() - b.refilled_at)) * ?2 / 60.0))),
                refilled_at = greatest(b.refilled_at, now())
            returning last_granted, tokens""";

    private final EntityManager em;

    RateBucketRepository(EntityManager em) {
        this.em = em;
    }

    RateLease lease(String bucket, int perMinute, int burst, int wanted, int returned) {
        Object[] row = (Object[]) em.createNativeQuery(LEASE)
                .setParameter(1, bucket).setParameter(2, perMinute).setParameter(3, burst)
                .setParameter(4, wanted).setParameter(5, (double) returned)
                .getSingleResult();
        return new RateLease(((Number) row[0]).intValue(), ((Number) row[1]).doubleValue());
    }

    /** Forgets buckets untouched for {@code idle}: longer than any refill, so they would be full anyway. */
    int purgeIdle(Duration idle) {
        return em.createNativeQuery("delete from rate_bucket where refilled_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) idle.toSeconds()).executeUpdate();
    }
}
