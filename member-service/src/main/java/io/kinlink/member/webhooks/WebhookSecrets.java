package io.kinlink.member.webhooks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.kinlink.member.pii.AtRestCipher;
import io.kinlink.member.webhooks.WebhookEndpointRepository.SealedSecrets;
import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Endpoints' signing secrets: made, sealed at rest, and opened to sign. */
@ApplicationScoped
public class WebhookSecrets {

    private final WebhookEndpointRepository endpoints;
    private final AtRestCipher cipher;
    private final Clock clock;

    public WebhookSecrets(WebhookEndpointRepository endpoints, AtRestCipher cipher, Clock clock) {
        this.endpoints = endpoints;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A new secret in clear (to show once) and sealed (to keep). */
    record Fresh(String clear, byte[] sealed) {
    }

    Fresh fresh() {
        String secret = WebhookSignature.newSecret();
        return new Fresh(secret, cipher.encrypt(secret));
    }

    /** The secrets that sign now: the current one, and the previous one during its overlap. */
    @Transactional
    public List<String> signingSecrets(UUID endpoint) {
        SealedSecrets sealed = endpoints.secrets(endpoint)
                .orElseThrow(() -> new NotFoundProblem("webhook-endpoint-not-found", "No webhook endpoint " + endpoint));
        List<String> secrets = new ArrayList<>(List.of(cipher.decrypt(sealed.current())));
        if (sealed.previous() != null && sealed.previousUntil() != null && sealed.previousUntil().isAfter(clock.instant())) {
            secrets.add(cipher.decrypt(sealed.previous()));
        }
        return secrets;
    }
}
