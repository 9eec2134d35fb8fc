package io.kinlink.member.consent;

/** What a member agrees to: the privacy notice (needed to be a member) and marketing (optional), apart. */
public enum ConsentKind { PRIVACY_NOTICE, MARKETING }
