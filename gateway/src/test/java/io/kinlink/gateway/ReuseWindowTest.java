package io.kinlink.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ReuseWindowTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void a_value_serves_its_window_then_is_made_anew() throws InterruptedException {
        AtomicInteger made = new AtomicInteger();
        ReuseWindow<String, Integer> window = new ReuseWindow<>("test", Duration.ofMillis(200), 10, registry);
        assertEquals(1, window.get("a", key -> made.incrementAndGet()));
        assertEquals(1, window.get("a", key -> made.incrementAndGet()), "within the window: the same value");
        assertEquals(2, window.get("b", key -> made.incrementAndGet()), "another key: its own value");
        Thread.sleep(250);
        assertEquals(3, window.get("a", key -> made.incrementAndGet()), "past the window: made anew");
    }

    @Test
    void a_forgotten_value_is_made_anew_but_only_if_it_is_still_the_one_held() {
        AtomicInteger made = new AtomicInteger();
        ReuseWindow<String, Integer> window = new ReuseWindow<>("test", Duration.ofMinutes(1), 10, registry);
        Integer first = window.get("a", key -> made.incrementAndGet());
        window.forget("a", first);
        Integer second = window.get("a", key -> made.incrementAndGet());
        assertEquals(2, second);
        window.forget("a", first);
        assertEquals(second, window.get("a", key -> made.incrementAndGet()), "a stale forget leaves the newer value");
    }

    @Test
    void a_flood_of_new_callers_leaves_the_hot_ones_in_place() {
        AtomicInteger made = new AtomicInteger();
        ReuseWindow<String, Integer> window = new ReuseWindow<>("flooded", Duration.ofMinutes(1), 1_000, registry);
        for (int round = 0; round < 20; round++) {
            for (int hot = 0; hot < 10; hot++) {
                window.get("hot-" + hot, key -> made.incrementAndGet());
            }
        }
        assertEquals(10, made.get());
        window.settle(); // the hot callers have been seen for a while before the flood comes
        AtomicInteger hotMadeAgain = new AtomicInteger();
        for (int stranger = 0; stranger < 20_000; stranger++) {
            window.get("new-" + stranger, key -> made.incrementAndGet());
            if (stranger % 100 == 0) { // the hot callers keep calling while the flood lasts
                for (int hot = 0; hot < 10; hot++) {
                    window.get("hot-" + hot, key -> hotMadeAgain.incrementAndGet());
                }
            }
        }
        assertEquals(0, hotMadeAgain.get(), "no hot caller's value was pushed out by the flood");
        assertEquals(200 - 10 + 200 * 10, registry.get("cache.gets").tag("cache", "flooded").tag("result", "hit")
                .functionCounter().count(), "the hits are counted");
        assertEquals(10 + 20_000, registry.get("cache.gets").tag("cache", "flooded").tag("result", "miss")
                .functionCounter().count(), "and the misses");
    }

    @Test
    void callers_of_one_key_wait_for_the_one_value_being_made() throws InterruptedException {
        AtomicInteger made = new AtomicInteger();
        ReuseWindow<String, Integer> window = new ReuseWindow<>("test", Duration.ofMinutes(1), 10, registry);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            callers.submit(() -> {
                start.await();
                return window.get("k", key -> {
                    sleep(50);
                    return made.incrementAndGet();
                });
            });
        }
        start.countDown();
        callers.shutdown();
        callers.awaitTermination(10, TimeUnit.SECONDS);
        assertEquals(1, made.get(), "eight callers at once, one value made");
    }

    @Test
    void a_zero_window_never_reuses() {
        AtomicInteger made = new AtomicInteger();
        ReuseWindow<String, Integer> never = new ReuseWindow<>("test", Duration.ZERO, 3, registry);
        assertEquals(1, never.get("a", k -> made.incrementAndGet()));
        assertEquals(2, never.get("a", k -> made.incrementAndGet()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
