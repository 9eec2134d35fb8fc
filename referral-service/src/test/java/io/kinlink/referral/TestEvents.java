package io.kinlink.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.kinlink.events.BranchChanged;
import io.kinlink.events.MemberRegistered;
import io.kinlink.events.PurchaseRecorded;
import io.kinlink.events.Topics;
import io.kinlink.platform.event.DomainEvent;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.testsupport.TopicPublisher;

/** Publishes events onto the real topics as the member service would. */
public final class TestEvents {

    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private TestEvents() {
    }

    public static EventEnvelope envelope(UUID key, DomainEvent event) {
        return new EventEnvelope(UUID.randomUUID(), event.eventType(), event.eventVersion(), Instant.now(),
                key.toString(), MAPPER.valueToTree(event));
    }

    /** A branch's change, keyed as member-service keys it. */
    public static EventEnvelope branchChanged(BranchChanged branch) {
        return new EventEnvelope(UUID.randomUUID(), branch.eventType(), branch.eventVersion(), Instant.now(),
                "branch:" + branch.branchId(), MAPPER.valueToTree(branch));
    }

    /** An open branch with names in both languages, as member-service announces it. */
    public static BranchChanged openBranch(String id, String nameZh, String nameEn, String city) {
        return new BranchChanged(id, nameZh, nameEn, city, null, true, Instant.now());
    }

    public static void publish(EventEnvelope envelope) {
        TopicPublisher.publish(Topics.MEMBER_EVENTS, envelope.key(), envelope.toJson(MAPPER));
    }

    /** Registers a member through the member topic and returns its id. */
    public static UUID registered(String referralCode, String deviceId) {
        return registered(registration(referralCode, deviceId, null));
    }

    public static UUID registered(MemberRegistered registration) {
        publish(envelope(registration.memberId(), registration));
        return registration.memberId();
    }

    /** A registration with a fresh member id and phone hash, as the member service would publish it. */
    public static MemberRegistered registration(String referralCode, String deviceId, UUID clickId) {
        UUID member = UUID.randomUUID();
        return new MemberRegistered(member, "测**", randomPhoneHash(), referralCode, deviceId, "shanghai-jingan",
                "APP", Instant.now(), clickId);
    }

    public static String randomPhoneHash() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong()) + UUID.randomUUID();
    }

    public static EventEnvelope purchase(UUID member, long amountFen) {
        UUID purchase = UUID.randomUUID();
        return envelope(member, new PurchaseRecorded(purchase, member, "till-" + purchase, amountFen,
                "shanghai-jingan", Instant.now(), List.of()));
    }
}
