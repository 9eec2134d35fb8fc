package io.kinlink.member.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.events.Topics;
import io.kinlink.member.Member;
import io.kinlink.member.NewMember;
import io.kinlink.member.branch.Branches;
import io.kinlink.member.consent.Consents;
import io.kinlink.member.consent.PrivacyNotices;
import io.kinlink.member.pii.PhoneNumbers;
import io.kinlink.member.pii.PhoneProtector;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.platform.problem.ConflictProblem;
import io.kinlink.platform.problem.InvalidRequestProblem;
import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Registers members (phone protected, one registration per phone) and finds them by id or phone; profile changes are ProfileService's. */
@ApplicationScoped
public class MemberRegistry {

    private final MemberRepository members;
    private final PhoneProtector phones;
    private final Outbox outbox;
    private final Clock clock;
    private final PrivacyNotices notices;
    private final Consents consents;
    private final Branches branches;

    public MemberRegistry(MemberRepository members, PhoneProtector phones, Outbox outbox, Clock clock,
                          PrivacyNotices notices, Consents consents, Branches branches) {
        this.branches = branches;
        this.members = members;
        this.phones = phones;
        this.outbox = outbox;
        this.clock = clock;
        this.notices = notices;
        this.consents = consents;
    }

    /**
     * Registers a member, with the privacy notice they accepted and their marketing choice, and
     * announces it; a phone number registered before is a conflict.
     */
    @Transactional
    public MemberView register(NewMember details, String phone) {
        notices.requireAcceptable(details.privacyNoticeVersion());
        branches.requireOpen("branch", details.branch());
        String e164 = PhoneNumbers.normalize(phone)
                .orElseThrow(() -> new InvalidRequestProblem("phone", "is not a valid mobile phone number"));
        String phoneHash = phones.lookupHash(e164);
        members.lockPhone(phoneHash);
        if (members.existsByPhoneHash(phoneHash)) {
            throw new ConflictProblem("phone-already-registered", "A member with this phone number exists already");
        }
        Member member = Member.register(details, phones.encrypt(e164), phoneHash, clock.instant());
        members.persist(member);
        members.flush();
        consents.atRegistration(member.id(), details.privacyNoticeVersion(), details.marketingConsent(),
                details.channel().name());
        outbox.append(Topics.MEMBER_EVENTS, member.id().toString(), MemberEvents.registered(member));
        return new MemberView(member, e164);
    }

    @Transactional
    public MemberView get(UUID memberId) {
        Member member = members.findByIdOptional(memberId)
                .orElseThrow(() -> new NotFoundProblem("member-not-found", "No member " + memberId));
        return new MemberView(member, member.phoneCiphertext() == null ? null : phones.decrypt(member.phoneCiphertext()));
    }

    /** The member with this phone number (any notation {@link PhoneNumbers} reads), if any. */
    @Transactional
    public Optional<MemberView> findByPhone(String phone) {
        String e164 = PhoneNumbers.normalize(phone)
                .orElseThrow(() -> new InvalidRequestProblem("phone", "is not a valid mobile phone number"));
        return members.findByPhoneHash(phones.lookupHash(e164)).map(member -> new MemberView(member, e164));
    }

    /** A member with the decrypted phone number, for mapping to a response that masks it. */
    public record MemberView(Member member, String phoneE164) {
    }
}
