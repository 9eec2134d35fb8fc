package io.kinlink.platform.inbox;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.Config;

/**
 * The topics an incoming channel reads: {@code mp.messaging.incoming.<channel>.topic}, or the
 * comma-separated {@code .topics} of a channel that reads several, or else the channel's name.
 */
public final class ChannelTopics {

    private static final String PREFIX = "mp.messaging.incoming.";

    private ChannelTopics() {
    }

    public static List<String> of(Config config, String channel) {
        return config.getOptionalValue(PREFIX + channel + ".topics", String.class)
                .map(ChannelTopics::split)
                .or(() -> config.getOptionalValue(PREFIX + channel + ".topic", String.class).map(List::of))
                .orElse(List.of(channel));
    }

    /** Every topic some incoming channel of this service names. */
    public static Set<String> all(Config config) {
        Set<String> topics = new LinkedHashSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && (name.endsWith(".topic") || name.endsWith(".topics"))) {
                config.getOptionalValue(name, String.class).ifPresent(value -> topics.addAll(split(value)));
            }
        }
        return topics;
    }

    private static List<String> split(String topics) {
        return Arrays.stream(topics.split(",")).map(String::strip).filter(topic -> !topic.isEmpty()).toList();
    }
}
