package io.kinlink.referral.rest;

/** @param inviter the code owner's name, masked ("王**") */
public record ReferralCodeLookup(String code, String inviter) {
}
