package io.tickflow.storage.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.tickflow.storage.flow.LakeFlush;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the lake flush and its heartbeat on two threads of their own: the flush checks every 250 ms whether the buffer
 * is due, the heartbeat extends held messages every {@code heartbeatInterval}. On shutdown, after the listeners have
 * stopped (this stops later, in a lower phase), whatever is buffered is written before the process exits.
 */
class LakeFlushLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LakeFlushLoop.class);

    private final LakeFlush flush;
    private final Duration heartbeatInterval;
    private final MeterRegistry meters;
    private ScheduledExecutorService flusher;
    private ScheduledExecutorService heart;
    private volatile boolean running;

    LakeFlushLoop(LakeFlush flush, Duration heartbeatInterval, MeterRegistry meters) {
        this.flush = flush;
        this.heartbeatInterval = heartbeatInterval;
        this.meters = meters;
    }

    @Override
    public void start() {
        flusher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("lake-flush").factory());
        heart = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("lake-heartbeat").factory());
        flusher.scheduleWithFixedDelay(() -> flush(false), 250, 250, TimeUnit.MILLISECONDS);
        heart.scheduleWithFixedDelay(
                this::heartbeat, heartbeatInterval.toMillis(), heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        flusher.shutdown();
        try {
            flusher.awaitTermination(30, TimeUnit.SECONDS);
            // The last flush retries like any other, but not for ever: what it cannot write comes back from SQS.
            Thread last = Thread.ofPlatform().name("lake-final-flush").start(() -> flush(true));
            last.join(Duration.ofSeconds(60));
            last.interrupt();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            heart.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Below the SQS listener containers' phase, so this stops after they do and the last flush sees all. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }

    private void flush(boolean force) {
        try {
            flush.flush(force, outcome -> {
                meters.counter("tickflow.storage.lake.ticks").increment(outcome.ticks());
                meters.counter("tickflow.storage.lake.objects").increment(outcome.files());
                meters.counter("tickflow.storage.lake.bytes").increment(outcome.bytes());
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // LakeFlush retries failures itself; this is a bug, and the loop must outlive it.
            log.error("Lake flush failed unexpectedly", e);
        }
    }

    private void heartbeat() {
        try {
            flush.heartbeat();
        } catch (RuntimeException e) {
            log.warn("Could not extend the visibility of held messages: {}", e.toString());
        }
    }
}
