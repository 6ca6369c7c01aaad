package io.tickflow.storage.lake;

import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.lake.LakePartition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Ticks waiting for the lake, by partition, with the messages they came in.
 *
 * <p>It is drained whole, on size ({@code flushTicks}) or on age (the oldest message has waited {@code maxAge}), so a
 * message is acknowledged once every partition holding its ticks is written. Memory is bounded: while it holds
 * {@code maxTicks}, {@link #add} blocks, and the listener thread that called it stops taking messages from the queue.
 * That is the backpressure.
 */
public final class LakeBuffer {

    private final int flushTicks;
    private final int maxTicks;
    private final Duration maxAge;
    private final Clock clock;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition space = lock.newCondition();
    private Map<LakePartition, Map<UUID, List<Tick>>> partitions = new HashMap<>();
    private List<String> receipts = new ArrayList<>();
    private int ticks;
    private @Nullable Instant oldest;

    /**
     * @param flushTicks drain once this many ticks are held
     * @param maxTicks block {@link #add} while this many are held (at least {@code flushTicks})
     * @param maxAge drain once the oldest message has waited this long
     */
    public LakeBuffer(int flushTicks, int maxTicks, Duration maxAge, Clock clock) {
        if (flushTicks < 1 || maxTicks < flushTicks) {
            throw new IllegalArgumentException("Need 1 <= flushTicks <= maxTicks: " + flushTicks + ", " + maxTicks);
        }
        this.flushTicks = flushTicks;
        this.maxTicks = maxTicks;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * Holds the events' ticks until the next drain, and {@code receipt} with them; waits while the buffer is full.
     *
     * @param receipt what acknowledges the message the events came in
     */
    public void add(String receipt, List<TicksAccepted> events) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (ticks >= maxTicks) {
                space.await();
            }
            for (TicksAccepted event : events) {
                if (isHeld(event)) {
                    // The same event twice in one buffer (a redelivery while the first is still held) is held once.
                    continue;
                }
                for (Tick tick : event.ticks()) {
                    LakePartition partition =
                            LakePartition.of(event.dataset(), event.venue(), event.symbol(), tick.time());
                    partitions
                            .computeIfAbsent(partition, p -> new HashMap<>())
                            .computeIfAbsent(event.eventId(), id -> new ArrayList<>())
                            .add(tick);
                }
                ticks += event.ticks().size();
            }
            receipts.add(receipt);
            if (oldest == null) {
                oldest = clock.instant();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Everything held, if it is due (size or age) or {@code force}; {@code null} when there is nothing to drain. */
    public @Nullable Batch drain(boolean force) {
        lock.lock();
        try {
            boolean due =
                    ticks >= flushTicks || (oldest != null && !clock.instant().isBefore(oldest.plus(maxAge)));
            if (receipts.isEmpty() || !(due || force)) {
                return null;
            }
            List<HeldPartition> held = new ArrayList<>(partitions.size());
            partitions.forEach((partition, byEvent) -> held.add(new HeldPartition(partition, byEvent)));
            Batch batch = new Batch(held, receipts, ticks);
            partitions = new HashMap<>();
            receipts = new ArrayList<>();
            ticks = 0;
            oldest = null;
            space.signalAll();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** The receipts of every message held, for the heartbeat that keeps them invisible. */
    public List<String> receipts() {
        lock.lock();
        try {
            return List.copyOf(receipts);
        } finally {
            lock.unlock();
        }
    }

    /** How many ticks are held. */
    public int ticks() {
        lock.lock();
        try {
            return ticks;
        } finally {
            lock.unlock();
        }
    }

    private boolean isHeld(TicksAccepted event) {
        LakePartition first = LakePartition.of(
                event.dataset(),
                event.venue(),
                event.symbol(),
                event.ticks().getFirst().time());
        Map<UUID, List<Tick>> byEvent = partitions.get(first);
        return byEvent != null && byEvent.containsKey(event.eventId());
    }

    /**
     * One partition's ticks, by the event they came in.
     *
     * @param partition the partition
     * @param ticksByEvent its ticks, by event id
     */
    public record HeldPartition(LakePartition partition, Map<UUID, List<Tick>> ticksByEvent) {}

    /**
     * What one drain took out: the partitions to write and the messages to acknowledge after.
     *
     * @param partitions every partition held
     * @param receipts the messages the ticks came in
     * @param ticks how many ticks, over all partitions
     */
    public record Batch(List<HeldPartition> partitions, List<String> receipts, int ticks) {}
}
