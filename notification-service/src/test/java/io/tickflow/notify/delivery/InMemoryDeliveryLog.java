package io.tickflow.notify.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A delivery log in a map. It has no lease: a claim is taken over only after a crash, which an in-memory log does not
 * outlive. Tests can wait for claims and records without sleeping, see how records were batched, and make the writes of
 * some records fail.
 */
final class InMemoryDeliveryLog implements DeliveryLog {

    enum State {
        IN_PROGRESS,
        DELIVERED,
        FAILED
    }

    record Entry(
            State state, int attempts, @Nullable String lastError, @Nullable Duration latency, boolean deadLettered) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Semaphore claims = new Semaphore(0);
    private final Semaphore records = new Semaphore(0);
    private final Queue<Integer> batchSizes = new ConcurrentLinkedQueue<>();
    private final Set<String> unwritable = ConcurrentHashMap.newKeySet();

    @Override
    public boolean claim(Delivery delivery) {
        boolean[] claimed = {false};
        entries.compute(delivery.deliveryId(), (id, entry) -> {
            if (entry == null || entry.state() == State.FAILED) {
                claimed[0] = true;
                return new Entry(State.IN_PROGRESS, 0, null, null, false);
            }
            return entry;
        });
        claims.release();
        return claimed[0];
    }

    @Override
    public void delivered(Delivery delivery, int attempts, Duration latency) {
        entries.put(delivery.deliveryId(), new Entry(State.DELIVERED, attempts, null, latency, false));
        records.release();
    }

    @Override
    public void failed(Delivery delivery, int attempts, String lastError, boolean deadLettered) {
        entries.put(delivery.deliveryId(), new Entry(State.FAILED, attempts, lastError, null, deadLettered));
        records.release();
    }

    /** Writes the records one by one, as a log without batches does; fails the batch if it holds an unwritable one. */
    @Override
    public void recordAll(List<DeliveryRecord> batch) {
        batchSizes.add(batch.size());
        for (DeliveryRecord record : batch) {
            if (unwritable.contains(record.delivery().deliveryId())) {
                throw new IllegalStateException("The delivery log is unreachable");
            }
        }
        DeliveryLog.super.recordAll(batch);
    }

    /** Makes every batch holding the record of {@code delivery} fail. */
    void cannotRecord(Delivery delivery) {
        unwritable.add(delivery.deliveryId());
    }

    /** How many records each {@link #recordAll} was given. */
    List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    @Nullable
    Entry entry(Delivery delivery) {
        return entries.get(delivery.deliveryId());
    }

    /** Whether {@code count} claims were asked for (since the last wait) within ten seconds. */
    boolean awaitClaims(int count) throws InterruptedException {
        return claims.tryAcquire(count, 10, TimeUnit.SECONDS);
    }

    /** Whether {@code count} deliveries were recorded, delivered or failed, (since the last wait) within ten seconds. */
    boolean awaitRecords(int count) throws InterruptedException {
        return records.tryAcquire(count, 10, TimeUnit.SECONDS);
    }
}
