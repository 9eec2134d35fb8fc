package io.kinlink.member.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where webhooks may go: https to a public address (no loopback, private, link-local, shared or
 * multicast address, so an endpoint cannot make this service call inside the cluster), on an
 * allowed host when the operator set a list. Checked when an endpoint is registered and again
 * before every try, since a name may resolve elsewhere later.
 */
@ApplicationScoped
public class WebhookTargets {

    private final WebhookSettings settings;

    public WebhookTargets(WebhookSettings settings) {
        this.settings = settings;
    }

    /** Why the URL may not be used, or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute http(s) URL with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must not carry credentials or a fragment");
        }
        if (scheme.equals("http") && !settings.allowInsecureTargets()) {
            return Optional.of("must use https");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (settings.allowedHosts().isPresent() && !allowed(host, settings.allowedHosts().get())) {
            return Optional.of("host " + host + " is not on the allowed list");
        }
        return settings.allowInsecureTargets() ? Optional.empty() : publicAddress(host);
    }

    private static boolean allowed(String host, List<String> patterns) {
        return patterns.stream().map(pattern -> pattern.strip().toLowerCase(Locale.ROOT)).anyMatch(pattern ->
                pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : host.equals(pattern));
    }

    private static Optional<String> publicAddress(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("host " + host + " resolves to a non-public address");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            boolean shared = first == 100 && second >= 64 && second < 128;     // 100.64.0.0/10, carrier-grade NAT
            boolean reserved = first == 0 || first >= 240 || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0);
            return !shared && !reserved;
        }
        boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;                       // fc00::/7
        return !uniqueLocal;
    }
}
