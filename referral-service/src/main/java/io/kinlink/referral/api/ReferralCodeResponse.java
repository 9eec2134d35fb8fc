package io.kinlink.referral.api;

import java.util.UUID;

/** A member's code and the link to share; the link opens the landing page with the code filled in. */
public record ReferralCodeResponse(UUID memberId, String code, String shareUrl) {
}
