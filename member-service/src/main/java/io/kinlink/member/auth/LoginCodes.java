package io.kinlink.member.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.kinlink.member.Member;
import io.kinlink.member.MemberStatus;
import io.kinlink.member.pii.PhoneNumbers;
import io.kinlink.member.pii.PhoneProtector;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.platform.AdvisoryLocks;
import io.kinlink.platform.SqlTimes;
import io.kinlink.platform.problem.InvalidRequestProblem;
import io.kinlink.platform.problem.TooManyRequestsProblem;
import io.kinlink.platform.problem.UnauthenticatedProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Members' one-time login codes: six digits, kept only as a keyed hash, valid five minutes, spent
 * after five wrong guesses, at most one a minute and five an hour per phone and twenty an hour per
 * client address (all configuration). Asking for a code answers the same whether or not the number
 * belongs to a member, so numbers cannot be probed; only members get a text.
 */
@ApplicationScoped
public class LoginCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration HOUR = Duration.ofHours(1);

    private final EntityManager em;
    private final MemberRepository members;
    private final PhoneProtector phones;
    private final CodeSender sender;
    private final AuthSettings.LoginCodes settings;
    private final Clock clock;

    public LoginCodes(EntityManager em, MemberRepository members, PhoneProtector phones, CodeSender sender,
                      AuthSettings settings, Clock clock) {
        this.em = em;
        this.members = members;
        this.phones = phones;
        this.sender = sender;
        this.settings = settings.loginCodes();
        this.clock = clock;
    }

    /** Sends a code when the number is an active member's; answers the same either way. */
    @Transactional
    public CodeSent request(String phone, String clientAddress) {
        String e164 = normalized(phone);
        String phoneHash = phones.lookupHash(e164);
        AdvisoryLocks.holdUntilCommit(em, "login-code:" + phoneHash);
        Instant now = clock.instant();
        String addressHash = phones.lookupHash("address:" + clientAddress);
        enforceLimits(phoneHash, addressHash, now);
        em.createNativeQuery("insert into login_code_request (phone_hash, address_hash, requested_at) values (?1, ?2, ?3)")
                .setParameter(1, phoneHash).setParameter(2, addressHash).setParameter(3, now).executeUpdate();
        members.findByPhoneHash(phoneHash).filter(member -> member.status() == MemberStatus.ACTIVE)
                .ifPresent(member -> issue(member, e164, phoneHash, now));
        return new CodeSent(settings.validity().toSeconds(), settings.resendAfter().toSeconds());
    }

    /**
     * The member whose code this is. Every guess counts, under a row lock, so parallel guesses
     * cannot exceed the limit; the code is spent by a right guess or by the last wrong one.
     */
    @Transactional(dontRollbackOn = UnauthenticatedProblem.class)
    public UUID redeem(String phone, String code) {
        String phoneHash = phones.lookupHash(normalized(phone));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select member_id, code_hash, expires_at, attempts from login_code
                        where phone_hash = ?1 for update""")
                .setParameter(1, phoneHash).getResultList();
        if (rows.isEmpty()) {
            throw codeRefused("No code is waiting for this number; ask for a new one");
        }
        Object[] row = rows.get(0);
        int attempts = ((Number) row[3]).intValue() + 1;
        if (SqlTimes.instant(row[2]).isBefore(clock.instant()) || attempts > settings.maxAttempts()) {
            spend(phoneHash);
            throw codeRefused("The code has expired or was guessed too often; ask for a new one");
        }
        boolean right = MessageDigest.isEqual(hashOf(phoneHash, code).getBytes(StandardCharsets.US_ASCII),
                ((String) row[1]).getBytes(StandardCharsets.US_ASCII));
        if (right) {
            spend(phoneHash);
            return (UUID) row[0];
        }
        if (attempts >= settings.maxAttempts()) {
            spend(phoneHash);
        } else {
            em.createNativeQuery("update login_code set attempts = ?2 where phone_hash = ?1")
                    .setParameter(1, phoneHash).setParameter(2, attempts).executeUpdate();
        }
        throw codeRefused("The code is wrong");
    }

    private void issue(Member member, String e164, String phoneHash, Instant now) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        em.createNativeQuery("""
                        insert into login_code (phone_hash, member_id, code_hash, expires_at, attempts)
                        values (?1, ?2, ?3, ?4, 0)
                        on conflict (phone_hash) do update
                        set member_id = excluded.member_id, code_hash = excluded.code_hash,
                            expires_at = excluded.expires_at, attempts = 0""")
                .setParameter(1, phoneHash).setParameter(2, member.id()).setParameter(3, hashOf(phoneHash, code))
                .setParameter(4, now.plus(settings.validity())).executeUpdate();
        sender.send(e164, code, settings.validity()); // a failure rolls the code back: the member asks again
    }

    private void enforceLimits(String phoneHash, String addressHash, Instant now) {
        Instant last = latest("phone_hash", phoneHash, Instant.EPOCH);
        if (last.plus(settings.resendAfter()).isAfter(now)) {
            throw new TooManyRequestsProblem("A code was sent to this number a moment ago",
                    Duration.between(now, last.plus(settings.resendAfter())).toSeconds() + 1);
        }
        refuseOverHourlyLimit("phone_hash", phoneHash, settings.perPhonePerHour(), now, "this number");
        refuseOverHourlyLimit("address_hash", addressHash, settings.perAddressPerHour(), now, "this address");
    }

    private void refuseOverHourlyLimit(String column, String hash, int limit, Instant now, String what) {
        @SuppressWarnings("unchecked")
        List<Object> times = em.createNativeQuery("select requested_at from login_code_request where " + column
                        + " = ?1 and requested_at > ?2 order by requested_at desc limit ?3")
                .setParameter(1, hash).setParameter(2, now.minus(HOUR)).setParameter(3, limit).getResultList();
        if (times.size() >= limit) {
            Instant oldestCounted = SqlTimes.instant(times.get(times.size() - 1));
            throw new TooManyRequestsProblem("Too many codes asked for " + what + " in the last hour",
                    Duration.between(now, oldestCounted.plus(HOUR)).toSeconds() + 1);
        }
    }

    private Instant latest(String column, String hash, Instant none) {
        Object latest = em.createNativeQuery("select max(requested_at) from login_code_request where " + column + " = ?1")
                .setParameter(1, hash).getSingleResult();
        return latest == null ? none : SqlTimes.instant(latest);
    }

    private void spend(String phoneHash) {
        em.createNativeQuery("delete from login_code where phone_hash = ?1").setParameter(1, phoneHash).executeUpdate();
    }

    /** Keyed, so a stolen table does not give the codes away by trying all million. */
    private String hashOf(String phoneHash, String code) {
        return phones.lookupHash("login-code:" + phoneHash + ":" + code);
    }

    private static String normalized(String phone) {
        return PhoneNumbers.normalize(phone)
                .orElseThrow(() -> new InvalidRequestProblem("phone", "is not a valid mobile phone number"));
    }

    /** One 401 problem type for a missing, expired, spent or wrong code. */
    private static UnauthenticatedProblem codeRefused(String detail) {
        return new UnauthenticatedProblem("login-refused", "Login refused", detail);
    }

    /** What the caller learns: how long a code lasts and when another may be asked for. */
    public record CodeSent(long expiresIn, long resendAfter) {
    }

}
