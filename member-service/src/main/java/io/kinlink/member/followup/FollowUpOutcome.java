package io.kinlink.member.followup;

/** How a follow-up call ended. */
public enum FollowUpOutcome {
    REACHED,
    NO_ANSWER,
    DECLINED,
    RESOLVED
}
