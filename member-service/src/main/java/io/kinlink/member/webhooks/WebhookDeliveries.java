package io.kinlink.member.webhooks;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The delivery log operators read per endpoint, and the replay of a delivery under its own id. */
@ApplicationScoped
public class WebhookDeliveries {

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final Clock clock;

    public WebhookDeliveries(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    @Transactional
    public WebhookDelivery.Page log(UUID endpoint, Optional<DeliveryStatus> status, int page, int size) {
        endpoints.find(endpoint)
                .orElseThrow(() -> new NotFoundProblem("webhook-endpoint-not-found", "No webhook endpoint " + endpoint));
        return deliveries.page(endpoint, status, page, size);
    }

    @Transactional
    public WebhookDelivery get(UUID delivery) {
        return deliveries.find(delivery).orElseThrow(() -> notFound(delivery));
    }

    /**
     * Sends it again, whatever became of it, with the same {@code webhook-id}: the receiver can
     * tell it from a new notice. It goes out once the endpoint is active.
     */
    @Transactional
    public WebhookDelivery replay(UUID delivery, String by) {
        if (!deliveries.replay(delivery, clock.instant(), by)) {
            throw notFound(delivery);
        }
        return get(delivery);
    }

    private static NotFoundProblem notFound(UUID delivery) {
        return new NotFoundProblem("webhook-delivery-not-found", "No webhook delivery " + delivery);
    }
}
