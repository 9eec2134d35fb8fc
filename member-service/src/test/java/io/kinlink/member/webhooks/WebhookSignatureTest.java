package io.kinlink.member.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Signatures a receiver using any Standard Webhooks library verifies. */
class WebhookSignatureTest {

    @Test
    void signs_the_standard_webhooks_test_vector() {
        assertEquals("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}"));
    }

    @Test
    void a_header_carries_one_signature_per_live_secret() {
        String current = WebhookSignature.newSecret();
        String previous = WebhookSignature.newSecret();
        assertTrue(current.matches("whsec_[A-Za-z0-9+/]{43}="));
        assertNotEquals(current, previous);
        String header = WebhookSignature.header(List.of(current, previous), "msg_1", 1_700_000_000L, "{}");
        assertEquals("v1," + WebhookSignature.sign(current, "msg_1", 1_700_000_000L, "{}") + " v1,"
                + WebhookSignature.sign(previous, "msg_1", 1_700_000_000L, "{}"), header);
    }
}
