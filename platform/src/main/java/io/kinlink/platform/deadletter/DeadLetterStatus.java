package io.kinlink.platform.deadletter;

/** A dead-lettered event waits for an operator's replay, or was replayed and applied. */
public enum DeadLetterStatus {
    WAITING,
    REPLAYED
}
