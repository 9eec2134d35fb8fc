package io.kinlink.member;

/** Where a member registered. */
public enum Channel {
    APP,
    LANDING_PAGE,
    FRONT_DESK,
    PARTNER
}
