package io.kinlink.member.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kinlink.member.branch.Branches;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.platform.SqlTimes;
import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Partners' API keys: {@code klk_<prefix>_<secret>}, 192 random bits of secret. The key is shown
 * once, when made; only its SHA-256 is kept. A presented key is found by its prefix and its hash
 * compared in constant time; a revoked key fails within a second, since the gateway reuses an
 * answer from here for at most that long.
 */
@ApplicationScoped
public class PartnerKeys {

    private static final Pattern FORMAT = Pattern.compile("klk_([0-9a-f]{12})_([0-9a-f]{48})");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the prefix is unknown, so that case costs the same as a wrong secret. */
    private static final byte[] DECOY = sha256("klk_000000000000_" + "0".repeat(48));
    /** Last-used times are kept to the minute: no write on every request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final EntityManager em;
    private final MemberRepository members;
    private final Clock clock;

    private final Branches branchDirectory;

    public PartnerKeys(EntityManager em, MemberRepository members, Clock clock, Branches branchDirectory) {
        this.branchDirectory = branchDirectory;
        this.em = em;
        this.members = members;
        this.clock = clock;
    }

    @Transactional
    public CreatedKey create(String name, List<String> branches, int requestsPerMinute, String createdBy) {
        branchDirectory.requireKnown("branches", branches);
        UUID id = UUID.randomUUID();
        String prefix = hex(6);
        String key = "klk_" + prefix + "_" + hex(24);
        Instant now = clock.instant();
        em.createNativeQuery("""
                        insert into partner_key (id, prefix, secret_hash, name, branches, requests_per_minute,
                                                 created_by, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, id).setParameter(2, prefix).setParameter(3, sha256(key)).setParameter(4, name)
                .setParameter(5, String.join(",", branches)).setParameter(6, requestsPerMinute)
                .setParameter(7, createdBy).setParameter(8, now).executeUpdate();
        return new CreatedKey(key, new PartnerKeyView(id, prefix, name, List.copyOf(branches), requestsPerMinute,
                createdBy, now, null, null));
    }

    @Transactional
    public List<PartnerKeyView> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " order by created_at desc").getResultList();
        return rows.stream().map(PartnerKeys::view).toList();
    }

    /** Revoking twice is harmless; the first time counts. */
    @Transactional
    public PartnerKeyView revoke(UUID id, String revokedBy) {
        em.createNativeQuery("update partner_key set revoked_at = ?2, revoked_by = ?3 where id = ?1 and revoked_at is null")
                .setParameter(1, id).setParameter(2, clock.instant()).setParameter(3, revokedBy).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(PartnerKeys::view)
                .orElseThrow(() -> new NotFoundProblem("partner-key-not-found", "No partner key " + id));
    }

    /**
     * The key's partner when the key is live, with whether {@code memberId} (the member a request
     * is about, or null) is within its branches.
     */
    @Transactional
    public Optional<VerifiedKey> verify(String presented, UUID memberId) {
        Matcher parts = FORMAT.matcher(presented == null ? "" : presented);
        String prefix = parts.matches() ? parts.group(1) : "";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, secret_hash, name, branches, requests_per_minute, revoked_at
                        from partner_key where prefix = ?1""")
                .setParameter(1, prefix).getResultList();
        byte[] expected = rows.isEmpty() ? DECOY : (byte[]) rows.get(0)[1];
        boolean matches = MessageDigest.isEqual(sha256(presented == null ? "" : presented), expected);
        if (rows.isEmpty() || !matches || rows.get(0)[5] != null) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        UUID id = (UUID) row[0];
        Instant now = clock.instant();
        em.createNativeQuery("""
                        update partner_key set last_used_at = ?2
                        where id = ?1 and (last_used_at is null or last_used_at < ?3)""")
                .setParameter(1, id).setParameter(2, now).setParameter(3, now.minus(LAST_USED_PRECISION))
                .executeUpdate();
        List<String> branches = Arrays.asList(((String) row[3]).split(","));
        UUID confirmed = memberId != null && members.findByIdOptional(memberId)
                .filter(member -> branches.contains(member.branch())).isPresent() ? memberId : null;
        return Optional.of(new VerifiedKey(id, (String) row[2], branches, ((Number) row[4]).intValue(), confirmed));
    }

    private static final String SELECT = """
            select id, prefix, name, branches, requests_per_minute, created_by, created_at, revoked_at, last_used_at
            from partner_key""";

    private static PartnerKeyView view(Object[] row) {
        return new PartnerKeyView((UUID) row[0], (String) row[1], (String) row[2],
                Arrays.asList(((String) row[3]).split(",")), ((Number) row[4]).intValue(), (String) row[5],
                SqlTimes.instant(row[6]), SqlTimes.instant(row[7]), SqlTimes.instant(row[8]));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key as operators see it: never the secret. */
    public record PartnerKeyView(UUID id, String prefix, String name, List<String> branches, int requestsPerMinute,
                                 String createdBy, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {
    }

    /** The answer to making a key: the only time the key itself is shown. */
    public record CreatedKey(String key, PartnerKeyView partnerKey) {
    }

    /** A live key as the gateway needs it; {@code confirmedMember} is null when out of scope or not asked. */
    public record VerifiedKey(UUID keyId, String name, List<String> branches, int requestsPerMinute,
                              UUID confirmedMember) {
    }
}
