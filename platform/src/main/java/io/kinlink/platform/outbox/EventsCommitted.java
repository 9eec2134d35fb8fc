package io.kinlink.platform.outbox;

/** Fired when events are appended; observed after the transaction commits to wake the relay. */
public final class EventsCommitted {

    static final EventsCommitted INSTANCE = new EventsCommitted();

    private EventsCommitted() {
    }
}
