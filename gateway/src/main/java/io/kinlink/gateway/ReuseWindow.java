package io.kinlink.gateway;

import java.time.Duration;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Values reused for a fixed window after they were made, then made anew: the signed identity of a
 * caller, a partner key's check. A Caffeine cache: bounded by eviction (its frequency sketch keeps
 * the hot callers when a flood of new ones arrives, instead of starting empty), one value made at a
 * time per key, and its hits, misses and evictions published as {@code cache_*} metrics under the
 * window's name.
 */
final class ReuseWindow<K, V> {

    private final Cache<K, V> made;

    /** @param window zero for a window that never reuses (every call makes its value) */
    ReuseWindow(String name, Duration window, long maxEntries, MeterRegistry registry) {
        this.made = window.isZero() ? null : Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(window)
                .recordStats()
                .build();
        if (made != null) {
            CaffeineCacheMetrics.monitor(registry, made, name);
        }
    }

    /** The value made for {@code key} within the window, or a new one from {@code make} (one at a time per key). */
    V get(K key, Function<K, V> make) {
        return made == null ? make.apply(key) : made.get(key, make);
    }

    /** Forgets {@code key}'s value if it is still {@code value} (a failure not to be reused). */
    void forget(K key, V value) {
        if (made != null) {
            made.asMap().remove(key, value);
        }
    }

    /** Runs the evictions that are due now (they otherwise run in the background, soon after a write). */
    void settle() {
        if (made != null) {
            made.cleanUp();
        }
    }
}
