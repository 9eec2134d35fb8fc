package io.kinlink.member.webhooks;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The webhook_endpoint table, read with its partner's name and branches. */
@ApplicationScoped
public class WebhookEndpointRepository {

    private static final String SELECT = """
            select e.id, e.partner_key_id, k.name, k.branches, e.url, e.description, e.event_types, e.status,
                   e.status_reason, e.status_changed_at, e.status_changed_by, e.failing_since,
                   e.previous_secret_until, e.created_by, e.created_at
            from webhook_endpoint e join partner_key k on k.id = e.partner_key_id""";

    private final EntityManager em;

    public WebhookEndpointRepository(EntityManager em) {
        this.em = em;
    }

    /** An endpoint's sealed secrets: the current one, and the one before it while it still signs. */
    public record SealedSecrets(byte[] current, byte[] previous, Instant previousUntil) {
    }

    public void insert(UUID id, UUID partnerKey, String url, String description, List<String> eventTypes,
                       byte[] secret, String createdBy, Instant at) {
        em.createNativeQuery("""
                        insert into webhook_endpoint (id, partner_key_id, url, description, event_types, secret, status,
                                                      created_by, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, 'ACTIVE', ?7, ?8)""")
                .setParameter(1, id).setParameter(2, partnerKey).setParameter(3, url).setParameter(4, description)
                .setParameter(5, String.join(",", eventTypes)).setParameter(6, secret).setParameter(7, createdBy)
                .setParameter(8, at).executeUpdate();
    }

    public boolean partnerKeyIsLive(UUID partnerKey) {
        return !em.createNativeQuery("select 1 from partner_key where id = ?1 and revoked_at is null")
                .setParameter(1, partnerKey).getResultList().isEmpty();
    }

    public List<WebhookEndpoint> list() {
        return rows(em.createNativeQuery(SELECT + " order by e.created_at desc").getResultList());
    }

    public Optional<WebhookEndpoint> find(UUID id) {
        return rows(em.createNativeQuery(SELECT + " where e.id = ?1").setParameter(1, id).getResultList())
                .stream().findFirst();
    }

    /**
     * The active endpoints of live partner keys that take this event type for a member of this
     * branch; the lists are matched whole, between commas, so no branch matches part of another.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> subscribers(String branch, String eventType) {
        return em.createNativeQuery("""
                        select e.id from webhook_endpoint e join partner_key k on k.id = e.partner_key_id
                        where e.status = 'ACTIVE' and k.revoked_at is null
                          and position(',' || ?1 || ',' in ',' || k.branches || ',') > 0
                          and position(',' || ?2 || ',' in ',' || e.event_types || ',') > 0""", UUID.class)
                .setParameter(1, branch).setParameter(2, eventType).getResultList();
    }

    public Optional<SealedSecrets> secrets(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select secret, previous_secret, previous_secret_until from webhook_endpoint where id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst()
                .map(row -> new SealedSecrets((byte[]) row[0], (byte[]) row[1], SqlTimes.instant(row[2])));
    }

    /** The current secret becomes the previous one, signing until {@code previousUntil}. */
    public void rotate(UUID id, byte[] secret, Instant previousUntil) {
        em.createNativeQuery("""
                        update webhook_endpoint
                        set previous_secret = secret, previous_secret_until = ?3, secret = ?2 where id = ?1""")
                .setParameter(1, id).setParameter(2, secret).setParameter(3, previousUntil).executeUpdate();
    }

    /** Clears the failure streak when enabled again, so the endpoint gets its full time before another disable. */
    public void setStatus(UUID id, EndpointStatus status, String reason, Instant at, String by) {
        em.createNativeQuery("""
                        update webhook_endpoint set status = ?2, status_reason = ?3, status_changed_at = ?4,
                               status_changed_by = ?5,
                               failing_since = case when ?2 = 'ACTIVE' then null else failing_since end
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, status.name()).setParameter(3, reason).setParameter(4, at)
                .setParameter(5, by).executeUpdate();
    }

    /** Starts the failure streak unless one runs; returns when it started. */
    public Instant failing(UUID id, Instant at) {
        em.createNativeQuery("update webhook_endpoint set failing_since = coalesce(failing_since, ?2) where id = ?1")
                .setParameter(1, id).setParameter(2, at).executeUpdate();
        return SqlTimes.instant(em.createNativeQuery("select failing_since from webhook_endpoint where id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    public void succeeded(UUID id) {
        em.createNativeQuery("update webhook_endpoint set failing_since = null where id = ?1 and failing_since is not null")
                .setParameter(1, id).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<WebhookEndpoint> rows(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(row -> new WebhookEndpoint((UUID) row[0], (UUID) row[1],
                (String) row[2], split(row[3]), (String) row[4], (String) row[5], split(row[6]),
                EndpointStatus.valueOf((String) row[7]), (String) row[8], SqlTimes.instant(row[9]), (String) row[10],
                SqlTimes.instant(row[11]), SqlTimes.instant(row[12]), (String) row[13], SqlTimes.instant(row[14])))
                .toList();
    }

    private static List<String> split(Object commaSeparated) {
        return Arrays.asList(((String) commaSeparated).split(","));
    }
}
