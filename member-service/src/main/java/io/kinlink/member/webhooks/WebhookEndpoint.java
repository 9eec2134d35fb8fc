package io.kinlink.member.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A partner's endpoint as operators see it, never with its secret.
 *
 * @param branches             the partner's branches: the members it is told about
 * @param previousSecretUntil  while set and ahead, the secret before the last rotation still signs
 * @param failingSince         the first failed try since the last success, or null
 */
public record WebhookEndpoint(UUID id, UUID partnerKeyId, String partnerName, List<String> branches, String url,
                              String description, List<String> eventTypes, EndpointStatus status,
                              String statusReason, Instant statusChangedAt, String statusChangedBy,
                              Instant failingSince, Instant previousSecretUntil, String createdBy,
                              Instant createdAt) {
}
