package io.kinlink.rewards.gate;

/** Where a held reward stands: waiting, or decided (paid when budget freed up, paid by an operator, or cancelled). */
public enum HeldRewardStatus {
    HELD,
    /** Paid by the release job once its month's budget had room. */
    RELEASED,
    /** Paid over the cap by an operator. */
    APPROVED,
    /** Never paid: its cause was undone before it could be. */
    CANCELLED
}
