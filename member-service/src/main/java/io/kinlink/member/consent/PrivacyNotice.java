package io.kinlink.member.consent;

import java.time.Instant;

/** One version of the privacy notice, in both languages, with an optional link to the full text. */
public record PrivacyNotice(int version, String textZh, String textEn, String url, Instant publishedAt,
                            String publishedBy) {
}
