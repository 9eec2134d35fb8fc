package io.kinlink.platform.web;

import java.net.URI;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * A created resource's Location is a path, never an absolute URL: JAX-RS would build one from the
 * request's Host header, which the caller chooses, and a service's own host means nothing outside.
 * The gateway serves the same paths, so the path is where the caller finds the resource.
 */
public class RelativeLocation {

    @ServerResponseFilter
    public void relative(ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        URI uri = location instanceof URI given ? given : URI.create(location.toString());
        if (uri.isAbsolute() || uri.getRawAuthority() != null) {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            response.getHeaders().putSingle(HttpHeaders.LOCATION, uri.getRawQuery() == null ? path
                    : path + "?" + uri.getRawQuery());
        }
    }
}
