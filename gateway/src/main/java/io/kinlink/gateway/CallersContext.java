package io.kinlink.gateway;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Work shared between requests (a key check, a lease) completes on the context of the request
 * that started it; each request continues on its own.
 */
final class CallersContext {

    private CallersContext() {
    }

    /** {@code shared}'s outcome, delivered on the current (the caller's) context. */
    static <T> Future<T> answerHere(Future<T> shared) {
        Context here = Vertx.currentContext();
        Promise<T> answer = Promise.promise();
        shared.onComplete(result -> {
            if (here == null || here == Vertx.currentContext()) {
                answer.handle(result);
            } else {
                here.runOnContext(ignored -> answer.handle(result));
            }
        });
        return answer.future();
    }
}
