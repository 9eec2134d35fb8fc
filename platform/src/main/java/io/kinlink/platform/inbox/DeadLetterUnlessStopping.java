package io.kinlink.platform.inbox;

import java.util.function.BiConsumer;

import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The consumers' failure strategy ({@code failure-strategy=kinlink-dead-letter-queue}): the
 * connector's dead-letter topic for an event that failed, except one a stopping replica left
 * ({@link ServiceStopping.LeftForTheNextReplica}). That one is neither acknowledged nor
 * dead-lettered: its offset stays uncommitted and the replica that takes the partition over
 * applies it (its inbox skips it if this one had).
 */
@ApplicationScoped
@Identifier(DeadLetterUnlessStopping.STRATEGY)
public class DeadLetterUnlessStopping implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "kinlink-dead-letter-queue";

    private final KafkaFailureHandler.Factory deadLetterQueue;

    public DeadLetterUnlessStopping(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)
                                    KafkaFailureHandler.Factory deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                                      KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        return of(deadLetterQueue.create(config, vertx, consumer, reportFailure));
    }

    static KafkaFailureHandler of(KafkaFailureHandler deadLetters) {
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (reason instanceof ServiceStopping.LeftForTheNextReplica) {
                    return Uni.createFrom().failure(reason);
                }
                return deadLetters.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                deadLetters.terminate();
            }
        };
    }
}
