package io.kinlink.rewards.budget;

/** What a reward is paid in; the budget counts both at their value in fen. */
public enum RewardKind {
    POINTS,
    COUPON
}
