package io.kinlink.events;

import java.time.Instant;

import io.kinlink.platform.event.DomainEvent;

/**
 * Operators published a version of the privacy notice members accept when they sign up; keyed
 * {@code privacy-notice}, so the versions stay in order.
 *
 * @param url where the full notice is, when operators link to one
 */
public record PrivacyNoticePublished(int version, String textZh, String textEn, String url, Instant publishedAt)
        implements DomainEvent {
}
