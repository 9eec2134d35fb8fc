package io.kinlink.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values reused for a fixed window after they were made, then made anew: the signed identity of a
 * caller, a partner key's check. Bounded: past {@code maxEntries} it starts empty again, so a flood
 * of distinct keys costs work, never memory.
 */
final class ReuseWindow<K, V> {

    private final long windowNanos;
    private final int maxEntries;
    private final Map<K, Made<V>> made = new ConcurrentHashMap<>();

    ReuseWindow(Duration window, int maxEntries) {
        this.windowNanos = window.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The value made for {@code key} within the window, or a new one from {@code make}. */
    V get(K key, Function<K, V> make) {
        long now = System.nanoTime();
        Made<V> current = made.get(key);
        if (current != null && now - current.at() < windowNanos) {
            return current.value();
        }
        if (made.size() >= maxEntries) {
            made.clear();
        }
        V value = make.apply(key);
        if (windowNanos > 0) {
            made.put(key, new Made<>(value, now));
        }
        return value;
    }

    /** Forgets {@code key}'s value if it is still {@code value} (a failure not to be reused). */
    void forget(K key, V value) {
        made.computeIfPresent(key, (k, current) -> current.value() == value ? null : current);
    }

    private record Made<V>(V value, long at) {
    }
}
