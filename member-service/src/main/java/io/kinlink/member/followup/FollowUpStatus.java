package io.kinlink.member.followup;

/** A follow-up is open until staff close it with an outcome. */
public enum FollowUpStatus {
    OPEN,
    DONE
}
