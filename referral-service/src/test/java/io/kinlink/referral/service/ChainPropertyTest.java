package io.kinlink.referral.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kinlink.events.MemberRegistered;
import io.kinlink.referral.ReferralMember;
import io.kinlink.referral.TestEvents;
import io.kinlink.referral.config.ReferralSettings;
import io.kinlink.referral.repository.ReferralCodeRepository;
import io.kinlink.referral.repository.ReferralMemberRepository;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Builds a random referral forest through the attribution service, as registrations would, and
 * checks every stored chain against a naive walk up the parents.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class ChainPropertyTest {

    private static final int MEMBERS = 10_000;
    private static final int BATCH = 500;

    @Inject
    AttributionService attribution;
    @Inject
    ReferralChains chains;
    @Inject
    ReferralMemberRepository members;
    @Inject
    ReferralCodeRepository codes;
    @Inject
    ReferralSettings settings;

    @Test
    void every_resolved_chain_equals_a_naive_walk_up_the_parents_and_stops_at_the_configured_depth() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<UUID> ids = new ArrayList<>(MEMBERS);
        Map<UUID, UUID> parentOf = new HashMap<>();
        Map<UUID, String> codeOf = new HashMap<>();

        for (int start = 0; start < MEMBERS; start += BATCH) {
            int end = Math.min(MEMBERS, start + BATCH);
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = ids.size(); i < end; i++) {
                    UUID parent = pickParent(random, ids);
                    MemberRegistered registration = new MemberRegistered(UUID.randomUUID(), "林**",
                            TestEvents.randomPhoneHash(), parent == null ? null : codeOf.get(parent), null,
                            "forest", "APP", Instant.now(), null);
                    attribution.onMemberRegistered(registration);
                    ids.add(registration.memberId());
                    parentOf.put(registration.memberId(), parent);
                    codeOf.put(registration.memberId(), codes.findByMember(registration.memberId()).orElseThrow().code());
                }
            });
        }

        int depth = settings.chainDepth();
        int[] deepest = {0};
        QuarkusTransaction.requiringNew().run(() -> {
            for (UUID id : ids) {
                List<UUID> resolved = chains.chainOf(id).orElseThrow();
                assertEquals(naiveChain(id, parentOf, depth), resolved, "chain of " + id + " (seed " + seed + ")");
                assertTrue(resolved.size() <= depth, "deeper than the configured depth (seed " + seed + ")");
                ReferralMember member = members.findById(id);
                for (int d = 1; d <= ReferralMember.MAX_CHAIN_DEPTH; d++) {
                    assertEquals(naiveChain(id, parentOf, d), member.chain(d), "depth " + d + " (seed " + seed + ")");
                }
                deepest[0] = Math.max(deepest[0], naiveChain(id, parentOf, Integer.MAX_VALUE).size());
            }
        });
        assertTrue(deepest[0] > ReferralMember.MAX_CHAIN_DEPTH,
                "the forest must have chains longer than the ceiling to prove the cut (seed " + seed + ")");
    }

    /** One root in ten; otherwise half the time a recent member (long chains), else anyone before. */
    private static UUID pickParent(Random random, List<UUID> earlier) {
        if (earlier.isEmpty() || random.nextInt(10) == 0) {
            return null;
        }
        int bound = random.nextBoolean() ? Math.min(earlier.size(), 20) : earlier.size();
        return earlier.get(earlier.size() - 1 - random.nextInt(bound));
    }

    private static List<UUID> naiveChain(UUID member, Map<UUID, UUID> parentOf, int depth) {
        List<UUID> chain = new ArrayList<>();
        UUID current = parentOf.get(member);
        while (current != null && chain.size() < depth) {
            chain.add(current);
            current = parentOf.get(current);
        }
        return chain;
    }
}
