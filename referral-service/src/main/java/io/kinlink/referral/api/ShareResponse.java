package io.kinlink.referral.api;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.referral.ShareChannel;

public record ShareResponse(UUID id, UUID memberId, ShareChannel channel, String campaign, String shareUrl,
                            Instant sharedAt) {
}
