package io.kinlink.referral.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.kinlink.events.MemberRegistered;
import io.kinlink.referral.TestEvents;
import io.kinlink.referral.repository.ReferralCodeRepository;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The same friend signing up twice at the same moment, with two different codes, gets one referrer. */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class RegistrationRaceTest {

    private static final int ROUNDS = 15;

    @Inject
    AttributionService attribution;
    @Inject
    ReferralCodeRepository codes;

    @Test
    void two_sign_ups_of_one_phone_at_once_end_with_exactly_one_referrer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String phone = TestEvents.randomPhoneHash();
                MemberRegistered first = signUp(phone, codeOf(newMember()));
                MemberRegistered second = signUp(phone, codeOf(newMember()));
                race(pool, first, second);
                assertEquals(1, referralsOf(List.of(first.memberId(), second.memberId())), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void one_registration_delivered_twice_at_once_with_different_codes_keeps_the_first_referrer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                MemberRegistered first = signUp(TestEvents.randomPhoneHash(), codeOf(newMember()));
                MemberRegistered again = new MemberRegistered(first.memberId(), first.maskedName(), first.phoneHash(),
                        codeOf(newMember()), null, first.branch(), first.channel(), first.registeredAt(), null);
                race(pool, first, again);
                assertEquals(1, referralsOf(List.of(first.memberId())), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs both in their own transactions, released together; a loser's constraint failure is retried as the consumer would. */
    private void race(ExecutorService pool, MemberRegistered a, MemberRegistered b) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (MemberRegistered registration : List.of(a, b)) {
            runs.add(pool.submit(() -> {
                start.await();
                for (int attempt = 1; ; attempt++) {
                    try {
                        QuarkusTransaction.requiringNew().run(() -> attribution.onMemberRegistered(registration));
                        return null;
                    } catch (RuntimeException conflict) {
                        if (attempt == 3) {
                            throw conflict;
                        }
                    }
                }
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
    }

    private UUID newMember() {
        MemberRegistered member = TestEvents.registration(null, null, null);
        QuarkusTransaction.requiringNew().run(() -> attribution.onMemberRegistered(member));
        return member.memberId();
    }

    private String codeOf(UUID member) {
        return QuarkusTransaction.requiringNew().call(() -> codes.findByMember(member).orElseThrow().code());
    }

    private static MemberRegistered signUp(String phoneHash, String code) {
        return new MemberRegistered(UUID.randomUUID(), "赵**", phoneHash, code, null, "shanghai-jingan", "APP",
                Instant.now(), null);
    }

    private static long referralsOf(List<UUID> referees) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) Panache.getEntityManager()
                .createQuery("select count(*) from Referral where refereeId in :referees")
                .setParameter("referees", referees).getSingleResult());
    }
}
