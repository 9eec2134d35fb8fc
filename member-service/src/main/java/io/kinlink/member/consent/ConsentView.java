package io.kinlink.member.consent;

import java.time.Instant;
import java.util.List;

/**
 * A member's consents: whether the privacy notice they accepted is the current one, and every
 * consent given or withdrawn, oldest first.
 */
public record ConsentView(Integer acceptedNoticeVersion, Instant acceptedAt, int currentNoticeVersion,
                          boolean upToDate, boolean marketingConsent, List<Entry> history) {

    /** One consent given or withdrawn, where and when. */
    public record Entry(ConsentKind kind, boolean granted, Integer noticeVersion, String channel, Instant at) {
    }
}
