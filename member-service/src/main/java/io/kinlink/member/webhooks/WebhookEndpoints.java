package io.kinlink.member.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.problem.InvalidRequestProblem;
import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Operators register partners' endpoints, rotate their secrets, and turn them off and on. */
@ApplicationScoped
public class WebhookEndpoints {

    private final WebhookEndpointRepository endpoints;
    private final WebhookSecrets secrets;
    private final WebhookTargets targets;
    private final WebhookSettings settings;
    private final Clock clock;

    public WebhookEndpoints(WebhookEndpointRepository endpoints, WebhookSecrets secrets, WebhookTargets targets,
                            WebhookSettings settings, Clock clock) {
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.targets = targets;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new endpoint with its secret: the only time the secret is shown. */
    public record Created(WebhookEndpoint endpoint, String secret) {
    }

    /** A rotated secret, shown once; the previous one signs too until {@code previousSecretValidUntil}. */
    public record Rotated(String secret, Instant previousSecretValidUntil) {
    }

    @Transactional
    public Created register(UUID partnerKey, String url, String description, List<String> eventTypes, String by) {
        targets.refusal(url).ifPresent(reason -> {
            throw new InvalidRequestProblem("url", reason);
        });
        for (int i = 0; i < eventTypes.size(); i++) {
            if (WebhookEventType.fromWire(eventTypes.get(i)).isEmpty()) {
                throw new InvalidRequestProblem("eventTypes[" + i + "]", "unknown event type " + eventTypes.get(i));
            }
        }
        if (!endpoints.partnerKeyIsLive(partnerKey)) {
            throw new InvalidRequestProblem("partnerKeyId", "no live partner key " + partnerKey);
        }
        UUID id = UUID.randomUUID();
        WebhookSecrets.Fresh secret = secrets.fresh();
        endpoints.insert(id, partnerKey, url, description, eventTypes, secret.sealed(), by, clock.instant());
        return new Created(get(id), secret.clear());
    }

    @Transactional
    public List<WebhookEndpoint> list() {
        return endpoints.list();
    }

    @Transactional
    public WebhookEndpoint get(UUID id) {
        return find(id);
    }

    @Transactional
    public Rotated rotateSecret(UUID id) {
        find(id);
        WebhookSecrets.Fresh secret = secrets.fresh();
        Instant previousUntil = clock.instant().plus(settings.secretOverlap());
        endpoints.rotate(id, secret.sealed(), previousUntil);
        return new Rotated(secret.clear(), previousUntil);
    }

    /** Pending deliveries wait while disabled and go out when enabled again. */
    @Transactional
    public WebhookEndpoint setStatus(UUID id, EndpointStatus status, Optional<String> reason, String by) {
        find(id);
        endpoints.setStatus(id, status, reason.orElse(null), clock.instant(), by);
        return find(id);
    }

    private WebhookEndpoint find(UUID id) {
        return endpoints.find(id)
                .orElseThrow(() -> new NotFoundProblem("webhook-endpoint-not-found", "No webhook endpoint " + id));
    }
}
