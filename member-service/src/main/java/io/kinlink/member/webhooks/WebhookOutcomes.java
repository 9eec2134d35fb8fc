package io.kinlink.member.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jboss.logging.Logger;

import io.kinlink.member.webhooks.WebhookDeliveryRepository.Claimed;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What a try means: a 2xx delivers and ends the endpoint's failure streak; anything else is
 * retried after the next pause of the schedule, or FAILED when it has run out; and an endpoint
 * that has failed without a success for {@code disable-after} is disabled, with the reason.
 */
@ApplicationScoped
public class WebhookOutcomes {

    private static final Logger LOG = Logger.getLogger(WebhookOutcomes.class);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final WebhookSettings settings;
    private final MeterRegistry registry;
    private final Clock clock;

    public WebhookOutcomes(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints,
                           WebhookSettings settings, MeterRegistry registry, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.settings = settings;
        this.registry = registry;
        this.clock = clock;
    }

    /** @param statusCode the receiver's answer, or null when there was none ({@code error} says why) */
    @Transactional
    public void record(Claimed delivery, Integer statusCode, String error, Duration latency) {
        Instant now = clock.instant();
        boolean ok = statusCode != null && statusCode >= 200 && statusCode < 300;
        String failure = ok ? null : statusCode != null ? "HTTP " + statusCode : truncated(error);
        deliveries.recordAttempt(delivery.id(), now, statusCode, failure, (int) Math.min(latency.toMillis(), Integer.MAX_VALUE));
        Timer.builder("kinlink.webhooks.attempts").description("Tries to deliver a webhook, by outcome")
                .tag("outcome", ok ? "delivered" : "failed").register(registry).record(latency);
        if (ok) {
            deliveries.delivered(delivery.id(), now);
            endpoints.succeeded(delivery.endpointId());
            return;
        }
        List<Duration> schedule = settings.retrySchedule();
        if (delivery.retryStep() < schedule.size()) {
            deliveries.retryAt(delivery.id(), now.plus(schedule.get(delivery.retryStep())), delivery.retryStep() + 1);
        } else {
            deliveries.failed(delivery.id());
            registry.counter("kinlink.webhooks.deliveries.failed").increment();
        }
        Instant failingSince = endpoints.failing(delivery.endpointId(), now);
        if (!failingSince.isAfter(now.minus(settings.disableAfter()))) {
            String reason = "Disabled after failing since " + failingSince + " without a success; last: " + failure;
            endpoints.setStatus(delivery.endpointId(), EndpointStatus.DISABLED, truncated(reason), now, "kinlink");
            registry.counter("kinlink.webhooks.endpoints.disabled").increment();
            LOG.warnf("Webhook endpoint %s disabled: %s", delivery.endpointId(), reason);
        }
    }

    private static String truncated(String text) {
        return text == null ? null : text.length() > 300 ? text.substring(0, 300) : text;
    }
}
