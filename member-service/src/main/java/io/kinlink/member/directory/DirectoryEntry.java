package io.kinlink.member.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.kinlink.member.Tier;

/** One member as operators list them: phone masked, current membership-year figures, segments. */
public record DirectoryEntry(UUID id, String name, String phone, String branch, Tier tier, long netSpendFen,
                             long yearSpendFen, int yearVisits, int yearReferrals, ValueSegment valueSegment,
                             List<Behaviour> behaviours, Instant lastVisitAt, List<String> needsTags,
                             Instant registeredAt) {
}
