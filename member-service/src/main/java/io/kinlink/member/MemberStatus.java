package io.kinlink.member;

public enum MemberStatus {
    ACTIVE,
    SUSPENDED,
    ERASED
}
