package io.kinlink.platform.fault;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Named points where a process halts itself at once, as {@code kill -9} would, so the fault suite
 * can crash a service exactly between two steps that must each survive the other's loss: the
 * relay's send and its mark, a consumer's database commit and its offset commit.
 *
 * <p>Armed only by the environment variable {@code KINLINK_FAILPOINT=<name>:<pass>} (halt on that
 * pass through the point); unset, as everywhere but the fault suite, a pass is one comparison.
 */
public final class Failpoints {

    /** The broker acknowledged a batch; the transaction marking it published has not committed. */
    public static final String RELAY_AFTER_SEND = "relay-after-send";
    /** A consumer's effect and inbox row committed; the record's offset is not committed yet. */
    public static final String CONSUMER_AFTER_COMMIT = "consumer-after-commit";

    private static final String SETTING = System.getenv("KINLINK_FAILPOINT");
    /** The armed point's name, or null; the pass after the colon (1 when none is given). */
    private static final String ARMED = SETTING == null || SETTING.isBlank() ? null : SETTING.split(":")[0].trim();
    private static final long PASS = SETTING == null || !SETTING.contains(":") ? 1
            : Long.parseLong(SETTING.substring(SETTING.indexOf(':') + 1).trim());
    private static final AtomicLong PASSES = new AtomicLong();

    private Failpoints() {
    }

    /** Halts the process (exit status 137, no shutdown hooks) on the armed pass through {@code name}. */
    public static void reach(String name) {
        if (ARMED != null && ARMED.equals(name) && PASSES.incrementAndGet() == PASS) {
            System.err.println("Failpoint " + name + " reached on pass " + PASS + ": halting");
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
