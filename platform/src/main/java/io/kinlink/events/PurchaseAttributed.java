package io.kinlink.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/**
 * A purchase together with the buyer's referral chain at the time, so that rewards can be
 * computed without calling back. Published for every purchase; the chain is empty when the
 * buyer was not referred.
 *
 * @param chain      the buyer's referrers, level 1 (direct) first, never deeper than the configured depth
 * @param recordedAt when the partner's purchase was recorded (not when it was made): where the
 *                   pipeline's latency is measured from (added later: absent in older events)
 */
public record PurchaseAttributed(
        UUID purchaseId,
        UUID memberId,
        long amountFen,
        String branch,
        Instant occurredAt,
        List<ChainLink> chain,
        Instant recordedAt) implements DomainEvent {

    /** One referrer above the buyer: level 1 referred the buyer, level 2 referred level 1, ... */
    public record ChainLink(int level, UUID memberId) {
    }
}
