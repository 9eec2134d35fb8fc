package io.kinlink.member.webhooks;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kinlink.member.Member;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.platform.event.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * Turns an event into one queued delivery per endpoint that takes its type for the member's
 * branch. Only queued here, in the consumer's transaction: the sending is the dispatcher's, so a
 * slow receiver never holds up a consumer.
 */
@ApplicationScoped
public class WebhookFanOut {

    private final MemberRepository members;
    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final ObjectMapper mapper;
    private final Clock clock;

    public WebhookFanOut(MemberRepository members, WebhookEndpointRepository endpoints,
                         WebhookDeliveryRepository deliveries, ObjectMapper mapper, Clock clock) {
        this.members = members;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public void onEvent(EventEnvelope event) {
        WebhookNotices.of(event).ifPresent(notice -> members.findByIdOptional(notice.member()).ifPresent(member -> {
            List<UUID> subscribers = endpoints.subscribers(member.branch(), notice.type().wireName());
            if (!subscribers.isEmpty()) {
                String body = body(event, notice, member);
                subscribers.forEach(endpoint -> deliveries.enqueue(endpoint, event.id(), notice.type().wireName(),
                        member.id(), body, clock.instant()));
            }
        }));
    }

    /** Standard Webhooks' shape: {@code type}, {@code timestamp} (when it happened) and {@code data}, with the member's branch. */
    private String body(EventEnvelope event, WebhookNotices.Notice notice, Member member) {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", notice.type().wireName());
        body.put("timestamp", event.occurredAt().toString());
        ObjectNode data = notice.data().deepCopy();
        data.put("branch", member.branch());
        data.put("eventId", event.id().toString());
        body.set("data", data);
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
