package io.kinlink.referral.api;

import io.kinlink.referral.ShareChannel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** @param campaign an operator's campaign tag carried on the shared link ({@code /r/CODE?c=TAG}), optional */
public record ShareRequest(@NotNull ShareChannel channel,
                           @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be 1 to 40 letters, digits, - or _")
                           String campaign) {
}
