package io.kinlink.member.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Only the fields given change; consent withdrawn ends permission marketing at once. */
public record UpdateProfileRequest(
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(min = 1, max = 64) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String branch,
        Boolean marketingConsent) {
}
