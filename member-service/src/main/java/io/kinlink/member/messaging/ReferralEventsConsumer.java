package io.kinlink.member.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.events.ReferralQualified;
import io.kinlink.events.ReferralReversed;
import io.kinlink.member.followup.FollowUpTrigger;
import io.kinlink.member.followup.FollowUps;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.platform.inbox.EventConsumer;
import io.kinlink.platform.inbox.EventProcessor;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Keeps each referrer's successful referrals, for their gold standards. */
@ApplicationScoped
public class ReferralEventsConsumer implements EventConsumer {

    static final String CONSUMER = "member-service/referral-events";

    private final EventProcessor processor;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final FollowUps followUps;

    public ReferralEventsConsumer(EventProcessor processor, EntityManager em, ObjectMapper mapper, FollowUps followUps) {
        this.processor = processor;
        this.em = em;
        this.mapper = mapper;
        this.followUps = followUps;
    }

    @Override
    public String channel() {
        return "referral-events";
    }

    @Override
    @Incoming("referral-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, this::apply);
    }

    private void apply(EventEnvelope event) {
        if (event.is(ReferralQualified.class)) {
            ReferralQualified qualified = event.payloadAs(ReferralQualified.class, mapper);
            em.createNativeQuery("insert into referral_success (referral_id, referrer_id, referee_id, qualified_at) "
                            + "values (?1, ?2, ?3, ?4) on conflict (referral_id) do nothing")
                    .setParameter(1, qualified.referralId())
                    .setParameter(2, qualified.referrerId())
                    .setParameter(3, qualified.refereeId())
                    .setParameter(4, qualified.qualifiedAt())
                    .executeUpdate();
            // staff thank the referrer (回访), once per referral
            followUps.create(FollowUpTrigger.REFERRAL_QUALIFIED, qualified.referrerId(),
                    qualified.referralId().toString());
        } else if (event.is(ReferralReversed.class)) {
            ReferralReversed reversed = event.payloadAs(ReferralReversed.class, mapper);
            em.createNativeQuery("update referral_success set reversed_at = ?1 where referral_id = ?2")
                    .setParameter(1, reversed.reversedAt())
                    .setParameter(2, reversed.referralId())
                    .executeUpdate();
        }
    }
}
