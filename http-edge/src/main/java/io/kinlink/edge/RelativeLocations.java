package io.kinlink.edge;

import java.net.URI;

/**
 * A {@code Location} as a path on the host the caller used (RFC 9110 allows it relative), at the
 * gateway and in each service alike: never a service's own address, and never a host taken from
 * the request's {@code Host} header, which the caller chooses ({@code Host: evil.example} must not
 * send anyone there).
 */
public final class RelativeLocations {

    private RelativeLocations() {
    }

    /** The location's path and query; a relative location as it is; "/" for one that is not a URI at all. */
    public static String of(String location) {
        URI uri;
        try {
            uri = URI.create(location.strip());
        } catch (IllegalArgumentException e) {
            return "/";
        }
        if (!uri.isAbsolute() && uri.getRawAuthority() == null) {
            return location;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
