package io.tickflow.notify.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * The records of one fan-out's deliveries, written to the {@link DeliveryLog} in batches as the deliveries end (a group
 * commit): a delivery that ends hands its record over and, when no more than {@code writers} writes are under way,
 * writes what has gathered meanwhile, up to {@code batchSize} records a request. A thousand deliveries that end within
 * a second cost a few dozen requests instead of a thousand, and no delivery waits for a timer to fill its batch.
 *
 * <p>Nothing is written before {@link #start}: the fan-out's claims go first. When {@code start} and {@link #add} for
 * every record have returned, every record has been written or has failed to be; {@link #failure} then says whether any
 * failed.
 */
final class DeliveryRecords {

    private final DeliveryLog log;
    private final int batchSize;
    private final Semaphore writers;
    private final Queue<DeliveryRecord> pending = new ConcurrentLinkedQueue<>();
    private final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean started;

    DeliveryRecords(DeliveryLog log, int batchSize, int writers) {
        if (batchSize < 1 || writers < 1) {
            throw new IllegalArgumentException("At least one record a write and one writer");
        }
        this.log = log;
        this.batchSize = batchSize;
        this.writers = new Semaphore(writers);
    }

    /**
     * Hands a record over. Once {@link #start} was called, returns once it is written, or once a write under way has
     * promised to take it; before, returns at once, leaving it to {@code start}.
     */
    void add(DeliveryRecord record) {
        pending.add(record);
        if (started) {
            drain();
        }
    }

    /** Writes what was handed over so far and, from now on, what is handed over. */
    void start() {
        started = true;
        drain();
    }

    private void drain() {
        // A writer that finds nothing left lets go of its permit and looks again: a record added after its last look
        // but before it let go is then written by it or by whoever took the permit instead.
        while (!pending.isEmpty() && writers.tryAcquire()) {
            try {
                for (List<DeliveryRecord> batch = next(); !batch.isEmpty(); batch = next()) {
                    write(batch);
                }
            } finally {
                writers.release();
            }
        }
    }

    /** What writing the records threw, the first failure with the others suppressed; null if every record is written. */
    @Nullable
    RuntimeException failure() {
        RuntimeException first = failures.poll();
        if (first != null) {
            for (RuntimeException other = failures.poll(); other != null; other = failures.poll()) {
                first.addSuppressed(other);
            }
        }
        return first;
    }

    private List<DeliveryRecord> next() {
        List<DeliveryRecord> batch = new ArrayList<>(batchSize);
        for (DeliveryRecord record = pending.poll(); record != null; record = pending.poll()) {
            batch.add(record);
            if (batch.size() == batchSize) {
                break;
            }
        }
        return batch;
    }

    private void write(List<DeliveryRecord> batch) {
        try {
            log.recordAll(batch);
        } catch (RuntimeException e) {
            // Reported once the fan-out has ended, so that the event comes back; the deliveries these records belong to
            // stay claimed, so the event's return does not make them a second time.
            failures.add(e);
        }
    }
}
