package io.tickflow.storage.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.tickflow.common.lake.LakePartition;
import io.tickflow.storage.flow.LakeCompaction;
import io.tickflow.storage.flow.LakeFlush;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the lake flush, its heartbeat and compaction on threads of their own: the flush checks every 250 ms whether the
 * buffer is due, the heartbeat extends held messages every {@code heartbeatInterval}, and every {@code
 * compactInterval} the partitions this worker wrote that have been quiet for {@code compactAfter} are compacted. On shutdown, after the listeners have
 * stopped (this stops later, in a lower phase), whatever is buffered is written before the process exits.
 */
class LakeFlushLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LakeFlushLoop.class);

    private final LakeFlush flush;
    private final LakeCompaction compaction;
    private final StorageProperties settings;
    private final Clock clock;
    private final MeterRegistry meters;
    /** Partitions this worker wrote, with when it last did: compacted once they have been quiet a while. */
    private final Map<LakePartition, Instant> written = new ConcurrentHashMap<>();

    private ScheduledExecutorService flusher;
    private ScheduledExecutorService heart;
    private ScheduledExecutorService compactor;
    private volatile boolean running;

    LakeFlushLoop(
            LakeFlush flush, LakeCompaction compaction, StorageProperties settings, Clock clock, MeterRegistry meters) {
        this.flush = flush;
        this.compaction = compaction;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void start() {
        flusher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("lake-flush").factory());
        heart = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("lake-heartbeat").factory());
        compactor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("lake-compaction").factory());
        flusher.scheduleWithFixedDelay(() -> flush(false), 250, 250, TimeUnit.MILLISECONDS);
        long beat = settings.heartbeatInterval().toMillis();
        heart.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        long compact = settings.compactInterval().toMillis();
        compactor.scheduleWithFixedDelay(this::compactQuietPartitions, compact, compact, TimeUnit.MILLISECONDS);
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
            compactor.shutdownNow();
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
                Instant now = clock.instant();
                outcome.partitions().forEach(p -> written.put(p, now));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // LakeFlush retries failures itself; this is a bug, and the loop must outlive it.
            log.error("Lake flush failed unexpectedly", e);
        }
    }

    private void compactQuietPartitions() {
        Instant quietSince = clock.instant().minus(settings.compactAfter());
        for (Map.Entry<LakePartition, Instant> entry : written.entrySet()) {
            if (entry.getValue().isBefore(quietSince) && written.remove(entry.getKey(), entry.getValue())) {
                try {
                    compaction.compact(entry.getKey()).ifPresent(done -> {
                        meters.counter("tickflow.storage.lake.compacted.objects")
                                .increment(done.replaced());
                        log.debug("Compacted {}", done);
                    });
                } catch (RuntimeException e) {
                    // Next time, then: the partition stays as it is, each row once.
                    written.putIfAbsent(entry.getKey(), entry.getValue());
                    log.warn("Compacting {} failed: {}", entry.getKey().prefix(), e.toString());
                }
            }
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
