package io.kinlink.member.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** The webhook_delivery and webhook_attempt tables: the queue of notices and their log. */
@ApplicationScoped
public class WebhookDeliveryRepository {

    private static final String COLUMNS = """
            id, endpoint_id, event_id, event_type, member_id, status, attempts, next_attempt_at, created_at,
            last_attempt_at, last_status_code, last_error, last_latency_ms, delivered_at, replayed_at, replayed_by""";

    private final EntityManager em;

    public WebhookDeliveryRepository(EntityManager em) {
        this.em = em;
    }

    /** A delivery taken for one try. */
    public record Claimed(UUID id, UUID endpointId, String url, String eventType, String payload, int retryStep) {
    }

    /** Queues the notice for the endpoint unless it was queued before (a replayed event). */
    public void enqueue(UUID endpoint, UUID event, String eventType, UUID member, String payload, Instant at) {
        em.createNativeQuery("""
                        insert into webhook_delivery (id, endpoint_id, event_id, event_type, member_id, payload, status,
                                                      next_attempt_at, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', ?7, ?7)
                        on conflict on constraint webhook_delivery_once do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, endpoint).setParameter(3, event)
                .setParameter(4, eventType).setParameter(5, member).setParameter(6, payload).setParameter(7, at)
                .executeUpdate();
    }

    /**
     * Takes up to {@code limit} due deliveries of active endpoints and moves their next try to
     * {@code leaseUntil}: another replica skips them now, and a try lost with its process is made
     * again when the lease ends.
     */
    @SuppressWarnings("unchecked")
    public List<Claimed> claimDue(Instant now, int limit, Instant leaseUntil) {
        List<Object[]> rows = em.createNativeQuery("""
                        select d.id, d.endpoint_id, e.url, d.event_type, d.payload, d.retry_step
                        from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                        where d.status = 'PENDING' and d.next_attempt_at <= ?1 and e.status = 'ACTIVE'
                        order by d.next_attempt_at limit ?2
                        for update of d skip locked""")
                .setParameter(1, now).setParameter(2, limit).getResultList();
        List<Claimed> claimed = rows.stream().map(row -> new Claimed((UUID) row[0], (UUID) row[1], (String) row[2],
                (String) row[3], (String) row[4], ((Number) row[5]).intValue())).toList();
        if (!claimed.isEmpty()) {
            em.createNativeQuery("update webhook_delivery set next_attempt_at = ?1 where id in (?2)")
                    .setParameter(1, leaseUntil).setParameter(2, claimed.stream().map(Claimed::id).toList())
                    .executeUpdate();
        }
        return claimed;
    }

    /** Logs a try on the delivery and in its attempts. */
    public void recordAttempt(UUID delivery, Instant at, Integer statusCode, String error, int latencyMs) {
        em.createNativeQuery("""
                        insert into webhook_attempt (id, delivery_id, attempted_at, status_code, error, latency_ms)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, delivery).setParameter(3, at)
                .setParameter(4, statusCode).setParameter(5, error).setParameter(6, latencyMs).executeUpdate();
        em.createNativeQuery("""
                        update webhook_delivery set attempts = attempts + 1, last_attempt_at = ?2, last_status_code = ?3,
                               last_error = ?4, last_latency_ms = ?5 where id = ?1""")
                .setParameter(1, delivery).setParameter(2, at).setParameter(3, statusCode).setParameter(4, error)
                .setParameter(5, latencyMs).executeUpdate();
    }

    public void delivered(UUID delivery, Instant at) {
        em.createNativeQuery("""
                        update webhook_delivery set status = 'DELIVERED', delivered_at = ?2, next_attempt_at = null
                        where id = ?1""")
                .setParameter(1, delivery).setParameter(2, at).executeUpdate();
    }

    public void retryAt(UUID delivery, Instant next, int retryStep) {
        em.createNativeQuery("update webhook_delivery set next_attempt_at = ?2, retry_step = ?3 where id = ?1")
                .setParameter(1, delivery).setParameter(2, next).setParameter(3, retryStep).executeUpdate();
    }

    public void failed(UUID delivery) {
        em.createNativeQuery("update webhook_delivery set status = 'FAILED', next_attempt_at = null where id = ?1")
                .setParameter(1, delivery).executeUpdate();
    }

    /** Sends it again from the first step of the schedule, under the same id; false when unknown. */
    public boolean replay(UUID delivery, Instant at, String by) {
        return em.createNativeQuery("""
                        update webhook_delivery set status = 'PENDING', next_attempt_at = ?2, retry_step = 0,
                               replayed_at = ?2, replayed_by = ?3 where id = ?1""")
                .setParameter(1, delivery).setParameter(2, at).setParameter(3, by).executeUpdate() == 1;
    }

    public WebhookDelivery.Page page(UUID endpoint, Optional<DeliveryStatus> status, int page, int size) {
        String where = " where endpoint_id = :endpoint" + (status.isPresent() ? " and status = :status" : "");
        Query count = em.createNativeQuery("select count(*) from webhook_delivery" + where)
                .setParameter("endpoint", endpoint);
        Query rows = em.createNativeQuery("select " + COLUMNS + " from webhook_delivery" + where
                        + " order by created_at desc, id limit :size offset :offset")
                .setParameter("endpoint", endpoint).setParameter("size", size).setParameter("offset", (long) page * size);
        status.ifPresent(value -> {
            count.setParameter("status", value.name());
            rows.setParameter("status", value.name());
        });
        return new WebhookDelivery.Page(deliveries(rows.getResultList(), false), page, size,
                ((Number) count.getSingleResult()).longValue());
    }

    /** One delivery with every try. */
    public Optional<WebhookDelivery> find(UUID delivery) {
        return deliveries(em.createNativeQuery("select " + COLUMNS + " from webhook_delivery where id = ?1")
                .setParameter(1, delivery).getResultList(), true).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<WebhookDelivery> deliveries(List<?> rows, boolean withTries) {
        return ((List<Object[]>) rows).stream().map(row -> {
            UUID id = (UUID) row[0];
            return new WebhookDelivery(id, WebhookDelivery.webhookIdOf(id), (UUID) row[1], (UUID) row[2],
                    (String) row[3], (UUID) row[4], DeliveryStatus.valueOf((String) row[5]),
                    ((Number) row[6]).intValue(), SqlTimes.instant(row[7]), SqlTimes.instant(row[8]),
                    SqlTimes.instant(row[9]), integer(row[10]), (String) row[11], integer(row[12]),
                    SqlTimes.instant(row[13]), SqlTimes.instant(row[14]), (String) row[15],
                    withTries ? tries(id) : null);
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private List<WebhookDelivery.Attempt> tries(UUID delivery) {
        List<Object[]> rows = em.createNativeQuery("""
                        select attempted_at, status_code, error, latency_ms from webhook_attempt
                        where delivery_id = ?1 order by attempted_at""")
                .setParameter(1, delivery).getResultList();
        return rows.stream().map(row -> new WebhookDelivery.Attempt(SqlTimes.instant(row[0]), integer(row[1]),
                (String) row[2], ((Number) row[3]).intValue())).toList();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
