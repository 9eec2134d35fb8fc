package io.kinlink.rewards.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One ledger transaction to be posted: why it happens, what caused it, and its legs, which must
 * sum to zero.
 *
 * @param idempotencyKey source, rule and level; posting the same key twice records it once
 * @param member         the member it concerns, if any
 * @param reverses       the credit this posting undoes (a refund's reversal or clawback), if any
 */
public record Posting(String idempotencyKey, UUID member, String reason, Source source, Rule rule,
                      Integer chainLevel, String explanation, Instant occurredAt, List<Leg> legs, UUID reverses) {

    public Posting(String idempotencyKey, UUID member, String reason, Source source, Rule rule, Integer chainLevel,
                   String explanation, Instant occurredAt, List<Leg> legs) {
        this(idempotencyKey, member, reason, source, rule, chainLevel, explanation, occurredAt, legs, null);
    }

    public Posting {
        legs = List.copyOf(legs);
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("A posting needs legs");
        }
        long sum = legs.stream().mapToLong(Leg::amount).sum();
        if (sum != 0) {
            throw new IllegalArgumentException("Legs of " + idempotencyKey + " sum to " + sum + ", not zero");
        }
        if (legs.stream().anyMatch(leg -> leg.amount() == 0)) {
            throw new IllegalArgumentException("A leg of " + idempotencyKey + " moves nothing");
        }
    }

    /** What caused the movement: a purchase, a redemption, an expiry run ... and the event that told us. */
    public record Source(String type, String id, UUID eventId) {
    }

    /** The rule that computed the amount, and its version, so every entry can explain itself. */
    public record Rule(String id, int version) {
    }

    /**
     * @param member      the account owner, null for a program account
     * @param availableAt for pending points, when the holding period ends
     */
    public record Leg(UUID member, AccountKind account, long amount, Instant availableAt) {
    }
}
