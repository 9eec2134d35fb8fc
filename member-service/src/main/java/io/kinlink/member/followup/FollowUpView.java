package io.kinlink.member.followup;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A follow-up as staff see it; {@code overdue} while still open past its due time. */
public record FollowUpView(UUID id, FollowUpTrigger trigger, UUID memberId, String branch, Instant createdAt,
                           Instant dueAt, String status, boolean overdue, FollowUpOutcome outcome, String note,
                           Instant closedAt, String closedBy) {

    /** One page, the soonest due first, with how many open ones of the filter are overdue. */
    public record Page(long total, long overdue, int page, int size, List<FollowUpView> followUps) {
    }
}
