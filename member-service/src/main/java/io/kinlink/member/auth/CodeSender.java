package io.kinlink.member.auth;

import java.time.Duration;

/** Delivers a login code to a member's phone. Which one is used is configuration ({@code kinlink.auth.login-codes.sender}). */
public interface CodeSender {

    /** @param e164 the member's number; only this call sees it unmasked */
    void send(String e164, String code, Duration validity);
}
