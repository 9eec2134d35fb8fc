package io.kinlink.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * The event streams' AsyncAPI 3.0 document (topics, messages, payload schemas, keys, headers and
 * the dead-letter topics) at /asyncapi.json, beside the HTTP API's /openapi.json. The platform's
 * AsyncApiDocumentTest holds it to the event classes: every type and every field documented.
 */
final class AsyncApiDocument {

    private final Buffer document;

    private AsyncApiDocument(Buffer document) {
        this.document = document;
    }

    static AsyncApiDocument load() {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream("/asyncapi.json")) {
            if (in == null) {
                throw new IllegalStateException("asyncapi.json is missing from the gateway's resources");
            }
            return new AsyncApiDocument(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void serve(RoutingContext ctx) {
        RequestIds.ensure(ctx);
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "max-age=300")
                .end(document);
    }
}
