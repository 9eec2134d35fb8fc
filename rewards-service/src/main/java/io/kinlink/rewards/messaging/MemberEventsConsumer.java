package io.kinlink.rewards.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.events.BranchChanged;
import io.kinlink.events.MemberRegistered;
import io.kinlink.events.VisitRecorded;
import io.kinlink.platform.branch.BranchCopies;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.platform.inbox.EventConsumer;
import io.kinlink.platform.inbox.EventProcessor;
import io.kinlink.rewards.members.KnownMembers;
import io.kinlink.rewards.service.WelcomeCoupons;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Registrations, so that ids given by operators can be checked against the members there are;
 * visits, which pay a referred friend's welcome coupon promised for their first visit; and the branch
 * directory, against which tills' and operators' branch ids are checked.
 */
@ApplicationScoped
public class MemberEventsConsumer implements EventConsumer {

    static final String CONSUMER = "rewards-service/member-events";

    private final EventProcessor processor;
    private final KnownMembers members;
    private final ObjectMapper mapper;
    private final WelcomeCoupons welcomeCoupons;
    private final BranchCopies branches;

    public MemberEventsConsumer(EventProcessor processor, KnownMembers members, ObjectMapper mapper,
                                WelcomeCoupons welcomeCoupons, BranchCopies branches) {
        this.welcomeCoupons = welcomeCoupons;
        this.branches = branches;
        this.processor = processor;
        this.members = members;
        this.mapper = mapper;
    }

    @Override
    public String channel() {
        return "member-events";
    }

    @Override
    @Incoming("member-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, this::apply);
    }

    private void apply(EventEnvelope event) {
        if (event.is(MemberRegistered.class)) {
            MemberRegistered registered = event.payloadAs(MemberRegistered.class, mapper);
            members.learn(registered.memberId(), registered.registeredAt());
        } else if (event.is(VisitRecorded.class)) {
            welcomeCoupons.onVisit(event.payloadAs(VisitRecorded.class, mapper));
        } else if (event.is(BranchChanged.class)) {
            branches.onChanged(event.payloadAs(BranchChanged.class, mapper));
        }
    }
}
