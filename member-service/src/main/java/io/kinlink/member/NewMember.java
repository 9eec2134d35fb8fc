package io.kinlink.member;

import java.util.UUID;

/** What a registration asks for, already validated and normalized. */
public record NewMember(String name, String branch, Channel channel, String referralCode, UUID referralClickId,
                        String deviceId, boolean marketingConsent, int privacyNoticeVersion) {
}
