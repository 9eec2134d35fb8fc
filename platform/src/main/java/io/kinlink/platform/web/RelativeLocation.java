package io.kinlink.platform.web;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.kinlink.edge.RelativeLocations;
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
        response.getHeaders().putSingle(HttpHeaders.LOCATION, RelativeLocations.of(location.toString()));
    }
}
