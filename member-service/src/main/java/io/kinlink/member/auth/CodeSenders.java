package io.kinlink.member.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Picks the code sender the configuration names; an unknown name stops the service at start. */
@ApplicationScoped
class CodeSenders {

    @Produces
    @ApplicationScoped
    CodeSender sender(AuthSettings settings) {
        AuthSettings.LoginCodes codes = settings.loginCodes();
        return switch (codes.sender()) {
            case "log" -> new LogCodeSender();
            case "http" -> new SmsGatewayCodeSender(codes.smsUrl().orElseThrow(() -> new IllegalStateException(
                    "kinlink.auth.login-codes.sms-url is needed for sender=http")), codes.smsToken().orElse(null));
            default -> throw new IllegalStateException("kinlink.auth.login-codes.sender must be log or http, not "
                    + codes.sender());
        };
    }
}
