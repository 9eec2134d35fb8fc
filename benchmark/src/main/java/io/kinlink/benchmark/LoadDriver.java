package io.kinlink.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sends requests as users would and records every answer's latency in an HdrHistogram: a closed
 * loop (so many users, each waiting for its answer) or an open model (requests at a fixed rate,
 * whatever the answers do; latency counts from when a request was due, so a stalled server shows
 * in the figures instead of slowing the load: coordinated omission accounted for).
 */
final class LoadDriver {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** {@code users} threads, each sending the next request when its answer is in, for {@code seconds}. */
    LoadResult closed(String scenario, int users, int seconds, Supplier<HttpRequest> requests, IntPredicate ok)
            throws InterruptedException {
        Recorder recorder = new Recorder(MAX_MICROS, 3);
        AtomicLong good = new AtomicLong();
        AtomicLong bad = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            Thread user = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> answer = client.send(requests.get(), HttpResponse.BodyHandlers.discarding());
                        (ok.test(answer.statusCode()) ? good : bad).incrementAndGet();
                    } catch (Exception e) {
                        bad.incrementAndGet();
                    }
                    recorder.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - start) / 1000));
                }
            }, "user-" + i);
            threads.add(user);
            user.start();
        }
        for (Thread user : threads) {
            user.join();
        }
        return new LoadResult(scenario, users + " users", good.get(), bad.get(), seconds, recorder.getIntervalHistogram());
    }

    /** {@code perSecond} requests a second for {@code seconds}, each on time whether or not earlier ones answered. */
    LoadResult open(String scenario, int perSecond, int seconds, Supplier<HttpRequest> requests, IntPredicate ok)
            throws InterruptedException {
        Histogram latency = new Histogram(MAX_MICROS, 3);
        AtomicLong good = new AtomicLong();
        AtomicLong bad = new AtomicLong();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long first = System.nanoTime();
        int total = perSecond * seconds;
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long due = first + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.add(client.sendAsync(requests.get(), HttpResponse.BodyHandlers.discarding())
                    .handle((answer, failure) -> {
                        long micros = Math.min(MAX_MICROS, (System.nanoTime() - due) / 1000);
                        synchronized (latency) {
                            latency.recordValue(micros);
                        }
                        (failure == null && ok.test(answer.statusCode()) ? good : bad).incrementAndGet();
                        return null;
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        double elapsed = (System.nanoTime() - first) / 1e9;
        return new LoadResult(scenario, perSecond + "/s offered", good.get(), bad.get(), Math.max(seconds, elapsed),
                latency);
    }
}
