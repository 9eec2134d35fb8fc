package io.kinlink.member.rest;

import java.util.Locale;
import java.util.UUID;

import io.kinlink.member.Channel;
import io.kinlink.member.NewMember;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param phone        a mobile number; mainland numbers may omit +86
 * @param channel      where the member registers; APP when left out
 * @param referralCode the code of the member who referred them, if any
 * @param clickId      the landing-page click the member came from, if any: attributes them to the
 *                     link's owner within the attribution window even without a code
 * @param privacyNoticeVersion the version of the privacy notice the member was shown and accepted
 *                     (GET /api/privacy-notice); separate from {@code marketingConsent}
 */
public record RegisterMemberRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 32) String phone,
        @NotBlank @Size(max = 64) String branch,
        Channel channel,
        @Pattern(regexp = "[A-Za-z0-9]{6,8}", message = "must be 6 to 8 letters or digits") String referralCode,
        UUID clickId,
        @Size(max = 128) String deviceId,
        @NotNull Boolean marketingConsent,
        @NotNull(message = "must accept the privacy notice") Integer privacyNoticeVersion) {

    NewMember toNewMember() {
        return new NewMember(name.strip(), branch.strip(), channel == null ? Channel.APP : channel,
                referralCode == null ? null : referralCode.toUpperCase(Locale.ROOT), clickId, deviceId,
                marketingConsent, privacyNoticeVersion);
    }
}
