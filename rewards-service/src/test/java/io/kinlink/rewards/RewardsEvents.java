package io.kinlink.rewards;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.kinlink.events.BranchChanged;
import io.kinlink.events.MemberRegistered;
import io.kinlink.events.PurchaseAttributed;
import io.kinlink.events.PurchaseAttributed.ChainLink;
import io.kinlink.events.RefundAttributed;
import io.kinlink.events.Topics;
import io.kinlink.platform.branch.BranchCopies;
import io.kinlink.platform.event.DomainEvent;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.rewards.members.KnownMembers;
import io.kinlink.testsupport.TopicPublisher;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Publishes what the referral service would, and reads balances as a partner would. */
public final class RewardsEvents {

    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private RewardsEvents() {
    }

    public static EventEnvelope envelope(UUID key, DomainEvent event) {
        return new EventEnvelope(UUID.randomUUID(), event.eventType(), event.eventVersion(), Instant.now(),
                key.toString(), MAPPER.valueToTree(event));
    }

    /** A purchase by {@code buyer} with the referrers above them, level 1 first. */
    public static EventEnvelope purchase(UUID buyer, UUID purchaseId, long amountFen, Instant at, UUID... chain) {
        return purchaseAt("shanghai-jingan", buyer, purchaseId, amountFen, at, chain);
    }

    /** The same, at a branch of the caller's choosing. */
    public static EventEnvelope purchaseAt(String branch, UUID buyer, UUID purchaseId, long amountFen, Instant at,
                                           UUID... chain) {
        List<ChainLink> links = new ArrayList<>();
        for (int i = 0; i < chain.length; i++) {
            links.add(new ChainLink(i + 1, chain[i]));
        }
        return envelope(buyer, new PurchaseAttributed(purchaseId, buyer, amountFen, branch, at, links,
                Instant.now()));
    }

    public static EventEnvelope refund(UUID buyer, UUID purchaseId, long amountFen, long purchaseAmountFen,
                                       long refundedTotalFen, Instant at) {
        return envelope(buyer, new RefundAttributed(UUID.randomUUID(), purchaseId, buyer, amountFen, purchaseAmountFen,
                refundedTotalFen, at));
    }

    /** Makes {@code member} known to the service as its member-events consumer would on MemberRegistered. */
    public static UUID known(UUID member) {
        KnownMembers members = Arc.container().instance(KnownMembers.class).get();
        QuarkusTransaction.requiringNew().run(() -> members.learn(member, Instant.now()));
        return member;
    }

    /**
     * Puts branches into the service's copy of the directory as its member-events consumer would on
     * BranchChanged: requests naming a branch the directory does not hold are refused.
     */
    public static void knownBranches(String... ids) {
        BranchCopies branches = Arc.container().instance(BranchCopies.class).get();
        for (String id : ids) {
            QuarkusTransaction.requiringNew().run(() -> branches.onChanged(branchOpened(id)));
        }
    }

    /** What the member service publishes when an operator adds a branch. */
    public static BranchChanged branchOpened(String id) {
        return new BranchChanged(id, "测试门店 " + id, "Test branch " + id, "上海", null, true, Instant.now());
    }

    /** Publishes a change of the branch directory as the member service would. */
    public static void publishBranch(BranchChanged branch) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), branch.eventType(), branch.eventVersion(),
                Instant.now(), "branch:" + branch.branchId(), MAPPER.valueToTree(branch));
        TopicPublisher.publish(Topics.MEMBER_EVENTS, envelope.key(), envelope.toJson(MAPPER));
    }

    /** What the member service publishes when someone registers. */
    public static void publishRegistration(UUID member) {
        EventEnvelope envelope = envelope(member, new MemberRegistered(member, "T**", "hash-" + member, null, null,
                "shanghai-jingan", "APP", Instant.now(), null));
        TopicPublisher.publish(Topics.MEMBER_EVENTS, envelope.key(), envelope.toJson(MAPPER));
    }

    public static void publish(EventEnvelope envelope) {
        TopicPublisher.publish(Topics.REFERRAL_EVENTS, envelope.key(), envelope.toJson(MAPPER));
    }

    public static void awaitBalance(UUID member, long pending, long available) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get("/api/members/" + member + "/rewards/balance").then().statusCode(200)
                .body("pendingPoints", equalTo((int) pending))
                .body("availablePoints", equalTo((int) available)));
    }
}
