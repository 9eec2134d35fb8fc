package io.kinlink.member.directory;

import java.time.Instant;
import java.util.Optional;

import io.kinlink.member.Tier;

/** What operators filter the member directory by; every part is optional. */
public record MemberFilter(Optional<Tier> tier, Optional<String> branch, Optional<String> needsTag,
                           Optional<ValueSegment> valueSegment, Optional<Behaviour> behaviour,
                           Optional<Instant> lastVisitBefore, Optional<Instant> lastVisitAfter,
                           Optional<Long> minYearSpendFen) {
}
