package io.kinlink.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ReuseWindowTest {

    @Test
    void a_value_serves_its_window_then_is_made_anew() throws InterruptedException {
        AtomicInteger made = new AtomicInteger();
        ReuseWindow<String, Integer> window = new ReuseWindow<>(Duration.ofMillis(200), 10);
        assertEquals(1, window.get("a", key -> made.incrementAndGet()));
        assertEquals(1, window.get("a", key -> made.incrementAndGet()), "within the window: the same value");
        assertEquals(2, window.get("b", key -> made.incrementAndGet()), "another key: its own value");
        Thread.sleep(250);
        assertEquals(3, window.get("a", key -> made.incrementAndGet()), "past the window: made anew");
    }

    @Test
    void a_forgotten_value_is_made_anew_but_only_if_it_is_still_the_one_held() {
        AtomicInteger made = new AtomicInteger();
        ReuseWindow<String, Integer> window = new ReuseWindow<>(Duration.ofMinutes(1), 10);
        Integer first = window.get("a", key -> made.incrementAndGet());
        window.forget("a", first);
        Integer second = window.get("a", key -> made.incrementAndGet());
        assertEquals(2, second);
        window.forget("a", first);
        assertEquals(second, window.get("a", key -> made.incrementAndGet()), "a stale forget leaves the newer value");
    }

    @Test
    void past_its_bound_it_starts_empty_and_a_zero_window_never_reuses() {
        AtomicInteger made = new AtomicInteger();
        ReuseWindow<Integer, Integer> bounded = new ReuseWindow<>(Duration.ofMinutes(1), 3);
        for (int key = 0; key < 3; key++) {
            bounded.get(key, k -> made.incrementAndGet());
        }
        bounded.get(99, k -> made.incrementAndGet());
        assertEquals(5, bounded.get(0, k -> made.incrementAndGet()), "the fourth key emptied it");

        ReuseWindow<String, Integer> never = new ReuseWindow<>(Duration.ZERO, 3);
        assertEquals(6, never.get("a", k -> made.incrementAndGet()));
        assertEquals(7, never.get("a", k -> made.incrementAndGet()));
    }
}
