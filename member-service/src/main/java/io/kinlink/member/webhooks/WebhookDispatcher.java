package io.kinlink.member.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import org.jboss.logging.Logger;

import io.kinlink.member.webhooks.WebhookDeliveryRepository.Claimed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends due deliveries, signed, without waiting on any one receiver: each poll claims as many as
 * there are free slots ({@code concurrency}), sends them asynchronously with a timeout, and
 * records each outcome when it comes. Redirects are not followed (a redirect is a failure), and
 * the target is checked again before every try.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** A claimed try lost with its process is made again this long after its timeout. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookSecrets secrets;
    private final WebhookTargets targets;
    private final WebhookOutcomes outcomes;
    private final WebhookSettings settings;
    private final Clock clock;
    private final Semaphore slots;
    private final HttpClient client;

    public WebhookDispatcher(WebhookDeliveryRepository deliveries, WebhookSecrets secrets, WebhookTargets targets,
                             WebhookOutcomes outcomes, WebhookSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.targets = targets;
        this.outcomes = outcomes;
        this.settings = settings;
        this.clock = clock;
        this.slots = new Semaphore(settings.concurrency());
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(every = "${kinlink.webhooks.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        int free = slots.availablePermits();
        if (free == 0) {
            return;
        }
        Instant now = clock.instant();
        List<Claimed> due = QuarkusTransaction.requiringNew().call(() ->
                deliveries.claimDue(now, free, now.plus(settings.timeout()).plus(LEASE_MARGIN)));
        for (Claimed delivery : due) {
            slots.acquireUninterruptibly();
            try {
                send(delivery);
            } catch (RuntimeException e) {
                slots.release();
                LOG.warnf("Webhook delivery %s could not be sent: %s", delivery.id(), e.toString());
                outcomes.record(delivery, null, e.getClass().getSimpleName() + ": " + e.getMessage(), Duration.ZERO);
            }
        }
    }

    private void send(Claimed delivery) {
        Optional<String> refusal = targets.refusal(delivery.url());
        if (refusal.isPresent()) {
            slots.release();
            outcomes.record(delivery, null, "Target refused: " + refusal.get(), Duration.ZERO);
            return;
        }
        String id = WebhookDelivery.webhookIdOf(delivery.id());
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Kinlink-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(
                        secrets.signingSecrets(delivery.endpointId()), id, timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                .build();
        long started = System.nanoTime();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            try {
                Duration latency = Duration.ofNanos(System.nanoTime() - started);
                outcomes.record(delivery, response == null ? null : response.statusCode(),
                        error == null ? null : describe(error), latency);
            } catch (RuntimeException e) {
                LOG.warnf("Outcome of webhook delivery %s not recorded (it is tried again after its lease): %s",
                        delivery.id(), e.toString());
            } finally {
                slots.release();
            }
        });
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
