package io.kinlink.member.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.events.ReferralQualified;
import io.kinlink.events.ReferralReversed;
import io.kinlink.member.followup.FollowUpTrigger;
import io.kinlink.member.followup.FollowUps;
import io.kinlink.member.standards.GoldStandardsService;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.platform.inbox.EventConsumer;
import io.kinlink.platform.inbox.EventProcessor;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps each referrer's successful referrals, for their gold standards. */
@ApplicationScoped
public class ReferralEventsConsumer implements EventConsumer {

    static final String CONSUMER = "member-service/referral-events";

    private final EventProcessor processor;
    private final GoldStandardsService standards;
    private final ObjectMapper mapper;
    private final FollowUps followUps;

    public ReferralEventsConsumer(EventProcessor processor, GoldStandardsService standards, ObjectMapper mapper,
                                  FollowUps followUps) {
        this.processor = processor;
        this.standards = standards;
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
            standards.referralQualified(qualified);
            // staff thank the referrer (回访), once per referral
            followUps.create(FollowUpTrigger.REFERRAL_QUALIFIED, qualified.referrerId(),
                    qualified.referralId().toString());
        } else if (event.is(ReferralReversed.class)) {
            standards.referralReversed(event.payloadAs(ReferralReversed.class, mapper));
        }
    }
}
