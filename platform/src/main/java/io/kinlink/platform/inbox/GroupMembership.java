package io.kinlink.platform.inbox;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers which consumers have completed a rebalance, that is, joined their group. Every
 * incoming channel names it ({@code consumer-rebalance-listener.name=kinlink.group-membership})
 * so readiness can wait for it. A consumer may join with no partition at all (more replicas than
 * partitions) and is still a member.
 */
@ApplicationScoped
@Identifier(GroupMembership.NAME)
public class GroupMembership implements KafkaConsumerRebalanceListener {

    public static final String NAME = "kinlink.group-membership";

    private final Set<Consumer<?, ?>> joined = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        joined.add(consumer);
    }

    boolean hasJoined(Consumer<?, ?> consumer) {
        return joined.contains(consumer);
    }
}
