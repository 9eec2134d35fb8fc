package io.kinlink.member.directory;

public enum ValueSegment {
    STRATEGIC,
    PROFIT,
    POTENTIAL,
    ORDINARY
}
