package io.kinlink.edge;

import io.vertx.core.MultiMap;

/**
 * The headers every answer carries, whoever wrote it: a resource, a problem mapper, or the HTTP
 * layer refusing a request before any route saw it. Used by the services and the gateway alike.
 */
public final class EdgeHeaders {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
    /**
     * Pages (the landing page, the API docs) load only from here: the landing page keeps its small
     * script and styles inline, Swagger UI its bundles; nothing may frame them.
     */
    static final String PAGE_CSP = "default-src 'none'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; font-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private EdgeHeaders() {
    }

    public static void apply(MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        String type = headers.get("Content-Type");
        if (!headers.contains("Content-Security-Policy")) { // a page with a stricter policy of its own keeps it
            headers.set("Content-Security-Policy", type != null && type.startsWith("text/html") ? PAGE_CSP : API_CSP);
        }
        if (!headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
    }
}
