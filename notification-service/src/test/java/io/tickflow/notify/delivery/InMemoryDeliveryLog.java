package io.tickflow.notify.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A delivery log in a map. It has no lease: a claim is taken over only after a crash, which an in-memory log does not
 * outlive. Tests can wait for claims and records without sleeping.
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
