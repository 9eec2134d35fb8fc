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
import io.kinlink.member.auth.LoginCodeRepository.Asker;
import io.kinlink.member.pii.PhoneNumbers;
import io.kinlink.member.pii.PhoneProtector;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.platform.problem.InvalidRequestProblem;
import io.kinlink.platform.problem.TooManyRequestsProblem;
import io.kinlink.platform.problem.UnauthenticatedProblem;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final LoginCodeRepository codes;
    private final MemberRepository members;
    private final PhoneProtector phones;
    private final CodeSender sender;
    private final AuthSettings.LoginCodes settings;
    private final Clock clock;

    LoginCodes(LoginCodeRepository codes, MemberRepository members, PhoneProtector phones, CodeSender sender,
                      AuthSettings settings, Clock clock) {
        this.codes = codes;
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
        codes.lockPhone(phoneHash);
        Instant now = clock.instant();
        String addressHash = phones.lookupHash("address:" + clientAddress);
        enforceLimits(phoneHash, addressHash, now);
        codes.recordRequest(phoneHash, addressHash, now);
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
        LoginCodeRepository.WaitingCode waiting = codes.lockCode(phoneHash)
                .orElseThrow(() -> codeRefused("No code is waiting for this number; ask for a new one"));
        int attempts = waiting.attempts() + 1;
        if (waiting.expiresAt().isBefore(clock.instant()) || attempts > settings.maxAttempts()) {
            spend(phoneHash);
            throw codeRefused("The code has expired or was guessed too often; ask for a new one");
        }
        boolean right = MessageDigest.isEqual(hashOf(phoneHash, code).getBytes(StandardCharsets.US_ASCII),
                waiting.codeHash().getBytes(StandardCharsets.US_ASCII));
        if (right) {
            spend(phoneHash);
            return waiting.memberId();
        }
        if (attempts >= settings.maxAttempts()) {
            spend(phoneHash);
        } else {
            codes.setAttempts(phoneHash, attempts);
        }
        throw codeRefused("The code is wrong");
    }

    private void issue(Member member, String e164, String phoneHash, Instant now) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        codes.store(phoneHash, member.id(), hashOf(phoneHash, code), now.plus(settings.validity()));
        sender.send(e164, code, settings.validity()); // a failure rolls the code back: the member asks again
    }

    private void enforceLimits(String phoneHash, String addressHash, Instant now) {
        Instant last = codes.latestRequest(Asker.PHONE, phoneHash).orElse(Instant.EPOCH);
        if (last.plus(settings.resendAfter()).isAfter(now)) {
            throw new TooManyRequestsProblem("A code was sent to this number a moment ago",
                    Duration.between(now, last.plus(settings.resendAfter())).toSeconds() + 1);
        }
        refuseOverHourlyLimit(Asker.PHONE, phoneHash, settings.perPhonePerHour(), now, "this number");
        refuseOverHourlyLimit(Asker.ADDRESS, addressHash, settings.perAddressPerHour(), now, "this address");
    }

    private void refuseOverHourlyLimit(Asker asker, String hash, int limit, Instant now, String what) {
        List<Instant> times = codes.requestsSince(asker, hash, now.minus(HOUR), limit);
        if (times.size() >= limit) {
            Instant oldestCounted = times.get(times.size() - 1);
            throw new TooManyRequestsProblem("Too many codes asked for " + what + " in the last hour",
                    Duration.between(now, oldestCounted.plus(HOUR)).toSeconds() + 1);
        }
    }

    private void spend(String phoneHash) {
        codes.delete(phoneHash);
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
