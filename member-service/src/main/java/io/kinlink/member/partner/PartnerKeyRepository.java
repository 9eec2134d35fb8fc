package io.kinlink.member.partner;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.member.partner.PartnerKeys.PartnerKeyView;
import io.kinlink.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The partner_key table: keys by their prefix, with only the SHA-256 of each secret. Branches are comma-separated. */
@ApplicationScoped
class PartnerKeyRepository {

    /** A key as a verification reads it. */
    record StoredKey(UUID id, byte[] secretHash, String name, List<String> branches, int requestsPerMinute,
                     boolean revoked) {
    }

    private static final String SELECT = """
            select id, prefix, name, branches, requests_per_minute, created_by, created_at, revoked_at, last_used_at
            from partner_key""";

    private final EntityManager em;

    PartnerKeyRepository(EntityManager em) {
        this.em = em;
    }

    void insert(PartnerKeyView key, byte[] secretHash) {
        em.createNativeQuery("""
                        insert into partner_key (id, prefix, secret_hash, name, branches, requests_per_minute,
                                                 created_by, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, key.id()).setParameter(2, key.prefix()).setParameter(3, secretHash)
                .setParameter(4, key.name()).setParameter(5, String.join(",", key.branches()))
                .setParameter(6, key.requestsPerMinute()).setParameter(7, key.createdBy())
                .setParameter(8, key.createdAt()).executeUpdate();
    }

    /** Every key, newest first. */
    List<PartnerKeyView> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " order by created_at desc").getResultList();
        return rows.stream().map(PartnerKeyRepository::view).toList();
    }

    Optional<PartnerKeyView> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(PartnerKeyRepository::view);
    }

    /** Revokes the key unless it was revoked before (the first revocation stands). */
    void revoke(UUID id, Instant at, String by) {
        em.createNativeQuery("update partner_key set revoked_at = ?2, revoked_by = ?3 where id = ?1 and revoked_at is null")
                .setParameter(1, id).setParameter(2, at).setParameter(3, by).executeUpdate();
    }

    Optional<StoredKey> byPrefix(String prefix) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, secret_hash, name, branches, requests_per_minute, revoked_at
                        from partner_key where prefix = ?1""")
                .setParameter(1, prefix).getResultList();
        return rows.stream().findFirst().map(row -> new StoredKey((UUID) row[0], (byte[]) row[1], (String) row[2],
                Arrays.asList(((String) row[3]).split(",")), ((Number) row[4]).intValue(), row[5] != null));
    }

    /** Records a use at {@code now}, unless one was recorded after {@code unlessSince}: no write on every request. */
    void touch(UUID id, Instant now, Instant unlessSince) {
        em.createNativeQuery("""
                        update partner_key set last_used_at = ?2
                        where id = ?1 and (last_used_at is null or last_used_at < ?3)""")
                .setParameter(1, id).setParameter(2, now).setParameter(3, unlessSince)
                .executeUpdate();
    }

    private static PartnerKeyView view(Object[] row) {
        return new PartnerKeyView((UUID) row[0], (String) row[1], (String) row[2],
                Arrays.asList(((String) row[3]).split(",")), ((Number) row[4]).intValue(), (String) row[5],
                SqlTimes.instant(row[6]), SqlTimes.instant(row[7]), SqlTimes.instant(row[8]));
    }
}
