package io.tickflow.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the ticks arriving on {@code tickflow-market-ticks} by reading {@code tickflow-storage-ticks}, which receives
 * every TicksAccepted raw.
 *
 * <p>It has to stay much cheaper than the service it measures, on the same two cores, so it does what no service
 * should: it calls SQS's JSON API with the JDK's HTTP client instead of the SDK, and counts in the response bytes as
 * they come, without decoding them: one {@code \"type\":} per tick and one {@code \"eventId\":\"...\"} per event
 * (TicksAccepted names its event id before its ticks). It never deletes: it receives with a visibility timeout of 12
 * hours, so nothing comes back during a run, and the queue is purged afterwards. The SDK reader this replaced used a
 * third of the service's CPU to decode the 130 MB of a million ticks.
 *
 * <p>An event seen twice (the service publishing a batch again after a failure) is counted once.
 */
final class TickCounter implements AutoCloseable {

    private static final long NOT_YET = Long.MIN_VALUE;
    private static final byte[] EVENT_ID = "\\\"eventId\\\":\\\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TICK = "\\\"type\\\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE = "\"MessageId\"".getBytes(StandardCharsets.US_ASCII);
    private static final int UUID_LENGTH = 36;

    private final HttpClient http;
    private final HttpRequest receive;
    private final long expected;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong duplicateEvents = new AtomicLong();
    private final AtomicLong responseBytes = new AtomicLong();
    private final AtomicLong receives = new AtomicLong();
    private final AtomicLong receiveNanos = new AtomicLong();
    private final AtomicLong billedReceives = new AtomicLong();
    private final AtomicLong firstArrival = new AtomicLong(NOT_YET);
    private final AtomicLong lastArrival = new AtomicLong(NOT_YET);
    /** When each whole percent of the expected ticks had arrived (System.nanoTime). */
    private final AtomicLongArray percentArrived = new AtomicLongArray(101);

    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private volatile boolean running = true;

    TickCounter(URI sqsEndpoint, String queueUrl, long expected, int threadCount) {
        this.expected = expected;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.receive = HttpRequest.newBuilder(sqsEndpoint)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS.ReceiveMessage")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"QueueUrl\":\"" + queueUrl
                        + "\",\"MaxNumberOfMessages\":10,\"WaitTimeSeconds\":1,\"VisibilityTimeout\":43200}"))
                .build();
        for (int i = 0; i <= 100; i++) {
            percentArrived.set(i, NOT_YET);
        }
        for (int i = 0; i < threadCount; i++) {
            threads.add(Thread.ofPlatform().name("tick-counter-" + i).daemon().unstarted(this::receive));
        }
        threads.forEach(Thread::start);
    }

    private void receive() {
        try {
            while (running) {
                long started = System.nanoTime();
                HttpResponse<byte[]> response = http.send(receive, HttpResponse.BodyHandlers.ofByteArray());
                receiveNanos.addAndGet(System.nanoTime() - started);
                receives.incrementAndGet();
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("ReceiveMessage answered " + response.statusCode() + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
                count(response.body());
            }
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e instanceof RuntimeException r ? r : new IllegalStateException(e));
            signal();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void count(byte[] body) {
        responseBytes.addAndGet(body.length);
        long escapes = 0;
        long counted = 0;
        int messages = 0;
        int events = 0;
        boolean duplicate = false;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b == '\\') {
                escapes++;
                if (matches(body, i, TICK)) {
                    if (!duplicate) {
                        counted++;
                    }
                    escapes++; // the token's second escape, skipped with it
                    i += TICK.length - 1;
                } else if (matches(body, i, EVENT_ID)) {
                    int start = i + EVENT_ID.length;
                    String id = new String(body, start, UUID_LENGTH, StandardCharsets.US_ASCII);
                    duplicate = !eventIds.add(id);
                    if (duplicate) {
                        duplicateEvents.incrementAndGet();
                    }
                    events++;
                    escapes += 3; // the token's other escapes, skipped with it
                    i = start + UUID_LENGTH - 1;
                }
            } else if (b == '"' && matches(body, i, MESSAGE)) {
                messages++;
            }
        }
        if (messages != events) {
            throw new IllegalStateException("A ReceiveMessage answer held " + messages + " messages but " + events
                    + " TicksAccepted event ids: " + new String(body, 0, Math.min(300, body.length)));
        }
        // AWS bills the messages' own bytes: the answer less its escapes, roughly, by the started 64 KiB.
        billedReceives.addAndGet(Math.max(1, (body.length - escapes + 65_535) / 65_536));
        if (messages > 0) {
            record(counted);
        }
    }

    private static boolean matches(byte[] body, int at, byte[] token) {
        if (at + token.length > body.length) {
            return false;
        }
        for (int j = 0; j < token.length; j++) {
            if (body[at + j] != token[j]) {
                return false;
            }
        }
        return true;
    }

    private void record(long counted) {
        long now = System.nanoTime();
        firstArrival.compareAndSet(NOT_YET, now);
        lastArrival.set(now);
        long total = ticks.addAndGet(counted);
        int percent = (int) Math.min(100, total * 100 / expected);
        for (int p = percent; p >= 0 && percentArrived.get(p) == NOT_YET; p--) {
            percentArrived.compareAndSet(p, NOT_YET, now);
        }
        if (total >= expected) {
            signal();
        }
    }

    private void signal() {
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code timeout} for all expected ticks; true when they have arrived. */
    boolean awaitAll(Duration timeout) {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (ticks.get() < expected && failure.get() == null && nanos > 0) {
                nanos = arrived.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } finally {
            lock.unlock();
        }
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("Reading tickflow-storage-ticks failed", failed);
        }
        return ticks.get() >= expected;
    }

    long ticks() {
        return ticks.get();
    }

    long events() {
        return eventIds.size();
    }

    long duplicateEvents() {
        return duplicateEvents.get();
    }

    /** Bytes of all ReceiveMessage answers, events and SQS's JSON around them. */
    long responseBytes() {
        return responseBytes.get();
    }

    /** Its calls, as {@link RequestCounts}: ReceiveMessage only. */
    RequestCounts requests() {
        return RequestCounts.of(
                new RequestCounts.Operation("Sqs", "ReceiveMessage"),
                new RequestCounts.Tally(receives.get(), 0, billedReceives.get(), 0, 0, receiveNanos.get() / 1e9));
    }

    /** System.nanoTime of the first arrival, or {@link Long#MIN_VALUE} before it. */
    long firstArrival() {
        return firstArrival.get();
    }

    long lastArrival() {
        return lastArrival.get();
    }

    /** System.nanoTime when {@code percent}% of the expected ticks had arrived, or {@link Long#MIN_VALUE}. */
    long arrivedAt(int percent) {
        return percentArrived.get(percent);
    }

    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                // A receive waits at most a second for messages.
                thread.join(TimeUnit.SECONDS.toMillis(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        http.close();
    }
}
