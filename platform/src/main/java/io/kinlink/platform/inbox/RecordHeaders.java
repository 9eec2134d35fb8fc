package io.kinlink.platform.inbox;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** The text of a Kafka record's headers (traceparent, the dead-letter headers). */
public final class RecordHeaders {

    private RecordHeaders() {
    }

    /** The last value of the header as UTF-8 text; null when the record has none. */
    public static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
