package io.kinlink.member.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kinlink.member.branch.Branches;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final PartnerKeyRepository repository;
    private final MemberRepository members;
    private final Clock clock;

    private final Branches branchDirectory;

    PartnerKeys(PartnerKeyRepository repository, MemberRepository members, Clock clock, Branches branchDirectory) {
        this.branchDirectory = branchDirectory;
        this.repository = repository;
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
        PartnerKeyView view = new PartnerKeyView(id, prefix, name, List.copyOf(branches), requestsPerMinute,
                createdBy, now, null, null);
        repository.insert(view, sha256(key));
        return new CreatedKey(key, view);
    }

    @Transactional
    public List<PartnerKeyView> list() {
        return repository.all();
    }

    /** Revoking twice is harmless; the first time counts. */
    @Transactional
    public PartnerKeyView revoke(UUID id, String revokedBy) {
        repository.revoke(id, clock.instant(), revokedBy);
        return repository.find(id)
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
        Optional<PartnerKeyRepository.StoredKey> stored = repository.byPrefix(prefix);
        byte[] expected = stored.map(PartnerKeyRepository.StoredKey::secretHash).orElse(DECOY);
        boolean matches = MessageDigest.isEqual(sha256(presented == null ? "" : presented), expected);
        if (stored.isEmpty() || !matches || stored.get().revoked()) {
            return Optional.empty();
        }
        PartnerKeyRepository.StoredKey live = stored.get();
        Instant now = clock.instant();
        repository.touch(live.id(), now, now.minus(LAST_USED_PRECISION));
        UUID confirmed = memberId != null && members.findByIdOptional(memberId)
                .filter(member -> live.branches().contains(member.branch())).isPresent() ? memberId : null;
        return Optional.of(new VerifiedKey(live.id(), live.name(), live.branches(), live.requestsPerMinute(),
                confirmed));
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
