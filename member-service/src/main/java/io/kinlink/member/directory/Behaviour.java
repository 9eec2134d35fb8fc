package io.kinlink.member.directory;

public enum Behaviour {
    ACTIVE,
    HIGH_VALUE,
    LOYAL,
    CHURNED
}
