package io.kinlink.referral.api;

/** @param inviter the code owner's name, masked ("王**") */
public record ReferralCodeLookup(String code, String inviter) {
}
