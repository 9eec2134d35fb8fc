package io.kinlink.member.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Endpoints cannot make the service call inside its own network. */
class WebhookTargetsTest {

    private static WebhookTargets targets(boolean insecure, List<String> allowedHosts) {
        // a proxy rather than a class of the test: the settings' validation annotations would make it a bean
        Map<String, Object> values = Map.of("allowInsecureTargets", insecure,
                "allowedHosts", Optional.ofNullable(allowedHosts));
        return new WebhookTargets((WebhookSettings) Proxy.newProxyInstance(WebhookSettings.class.getClassLoader(),
                new Class<?>[] {WebhookSettings.class}, (proxy, method, args) -> values.get(method.getName())));
    }

    @Test
    void private_loopback_and_plain_http_targets_are_refused_by_default() {
        WebhookTargets targets = targets(false, null);
        assertEquals(Optional.of("must use https"), targets.refusal("http://hooks.example.com/in"));
        for (String url : List.of("https://127.0.0.1/in", "https://localhost/in", "https://10.1.2.3/in",
                "https://192.168.0.10/in", "https://172.16.5.5/in", "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/in", "https://[::1]/in", "https://[fd00::1]/in", "https://0.0.0.0/in")) {
            assertTrue(targets.refusal(url).isPresent(), url);
        }
        assertTrue(targets.refusal("https://user:pw@93.184.216.34/in").isPresent());
        assertTrue(targets.refusal("ftp://93.184.216.34/in").isPresent());
        assertTrue(targets.refusal("not a url").isPresent());
        assertEquals(Optional.empty(), targets.refusal("https://93.184.216.34/in"));
    }

    @Test
    void an_allow_list_limits_the_hosts() {
        WebhookTargets targets = targets(true, List.of("*.partner.example", "hooks.clinic.example"));
        assertEquals(Optional.empty(), targets.refusal("https://api.partner.example/in"));
        assertEquals(Optional.empty(), targets.refusal("https://hooks.clinic.example/in"));
        assertTrue(targets.refusal("https://partner.example.evil/in").isPresent());
        assertTrue(targets.refusal("https://evilpartner.example/in").isPresent());
    }

    @Test
    void public_addresses_are_told_from_internal_ones() throws UnknownHostException {
        assertTrue(WebhookTargets.isPublic(InetAddress.getByName("93.184.216.34")));
        assertTrue(WebhookTargets.isPublic(InetAddress.getByName("2606:2800:220:1::1")));
        assertFalse(WebhookTargets.isPublic(InetAddress.getByName("100.127.255.255")));
        assertFalse(WebhookTargets.isPublic(InetAddress.getByName("fc00::5")));
        assertFalse(WebhookTargets.isPublic(InetAddress.getByName("224.0.0.1")));
    }
}
