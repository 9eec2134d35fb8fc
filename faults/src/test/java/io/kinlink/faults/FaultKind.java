package io.kinlink.faults;

/** What can go wrong, each as the suite makes it happen. */
enum FaultKind {
    /** SIGKILL a replica of a domain service at a random moment, then start it again. */
    KILL_SERVICE,
    /** A domain service halts itself right after a consumer's commit, before the offset commit. */
    CRASH_AFTER_CONSUMER_COMMIT,
    /** A domain service halts itself after the broker acknowledged an outbox batch, before marking it published. */
    CRASH_AFTER_RELAY_SEND,
    /** SIGKILL the Kafka broker and start it again on the same log. */
    KILL_BROKER,
    /** PostgreSQL stopped in immediate mode and started again (crash recovery). */
    POSTGRES_IMMEDIATE_STOP,
    /** One gateway restarted cleanly (SIGTERM, its grace), as when a node is drained. */
    RESTART_GATEWAY,
    /** A domain service paused (SIGSTOP) past its consumers' session timeout, then resumed. */
    PAUSE_SERVICE,
    /** A stopped service's consumer groups moved back by some records: everything since is delivered again. */
    REWIND_OFFSETS,
    /** An event already on a topic published a second time, as a relay retry would. */
    PUBLISH_TWICE,
    /** Every replica of a service (a domain service or the gateway) restarted in turn, as a rolling update does. */
    ROLLING_RESTART
}
