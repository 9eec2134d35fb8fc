package io.kinlink.member.auth;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.kinlink.member.pii.PhoneNumbers;

/**
 * For the local stack and tests: the code goes to this service's log, next to the masked number,
 * where the person trying the app can read it. Never configure it where real members log in.
 */
final class LogCodeSender implements CodeSender {

    private static final Logger LOG = Logger.getLogger(LogCodeSender.class);

    @Override
    public void send(String e164, String code, Duration validity) {
        LOG.infof("Login code for %s: %s (valid %d min)", PhoneNumbers.mask(e164), code, validity.toMinutes());
    }
}
