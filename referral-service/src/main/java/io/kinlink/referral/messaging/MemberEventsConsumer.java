package io.kinlink.referral.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.events.BranchChanged;
import io.kinlink.events.MemberRegistered;
import io.kinlink.events.MemberStatusChanged;
import io.kinlink.events.PrivacyNoticePublished;
import io.kinlink.events.PurchaseRecorded;
import io.kinlink.events.RefundRecorded;
import io.kinlink.events.VisitRecorded;
import io.kinlink.platform.branch.BranchCopies;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.platform.inbox.EventConsumer;
import io.kinlink.platform.inbox.EventProcessor;
import io.kinlink.referral.landing.PrivacyNoticeCopies;
import io.kinlink.referral.service.AttributionService;
import io.kinlink.referral.service.PurchaseChainService;
import io.kinlink.referral.service.QualificationService;
import io.kinlink.referral.service.RefereeActivityService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Registrations, status changes, visits, purchases and refunds, in order per member; the privacy
 * notice's versions and the branch directory for the share page and the reports; other types are not ours.
 */
@ApplicationScoped
public class MemberEventsConsumer implements EventConsumer {

    static final String CONSUMER = "referral-service/member-events";

    private final EventProcessor processor;
    private final AttributionService attribution;
    private final PurchaseChainService purchaseChains;
    private final QualificationService qualification;
    private final RefereeActivityService activity;
    private final ObjectMapper mapper;
    private final PrivacyNoticeCopies notices;
    private final BranchCopies branches;

    public MemberEventsConsumer(EventProcessor processor, AttributionService attribution,
                                PurchaseChainService purchaseChains, QualificationService qualification,
                                RefereeActivityService activity, ObjectMapper mapper, PrivacyNoticeCopies notices,
                                BranchCopies branches) {
        this.notices = notices;
        this.branches = branches;
        this.processor = processor;
        this.attribution = attribution;
        this.purchaseChains = purchaseChains;
        this.qualification = qualification;
        this.activity = activity;
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
            attribution.onMemberRegistered(event.payloadAs(MemberRegistered.class, mapper));
        } else if (event.is(PurchaseRecorded.class)) {
            PurchaseRecorded purchase = event.payloadAs(PurchaseRecorded.class, mapper);
            purchaseChains.onPurchaseRecorded(purchase, event.occurredAt());
            qualification.onPurchaseRecorded(purchase);
            activity.onPurchaseRecorded(purchase);
        } else if (event.is(RefundRecorded.class)) {
            RefundRecorded refund = event.payloadAs(RefundRecorded.class, mapper);
            qualification.onRefundRecorded(refund);
            activity.onRefundRecorded(refund);
            purchaseChains.onRefundRecorded(refund);
        } else if (event.is(VisitRecorded.class)) {
            activity.onVisitRecorded(event.payloadAs(VisitRecorded.class, mapper));
        } else if (event.is(MemberStatusChanged.class)) {
            attribution.onMemberStatusChanged(event.payloadAs(MemberStatusChanged.class, mapper));
        } else if (event.is(PrivacyNoticePublished.class)) {
            notices.onPublished(event.payloadAs(PrivacyNoticePublished.class, mapper));
        } else if (event.is(BranchChanged.class)) {
            branches.onChanged(event.payloadAs(BranchChanged.class, mapper));
        }
    }
}
