package io.tickflow.notify.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The record of every delivery (status, attempts, last error, latency), kept for a configured time to live, and the
 * guard that makes a delivery at most once per subscription and event.
 *
 * <p>The key is {@link Delivery#deliveryId()}, which {@link DeliveryIds#of} derives from the subscription and the event:
 * a redelivered event makes the same delivery id, and {@link #claim} refuses it once it is delivered. Implementations
 * are thread-safe and {@link #claim} is atomic, so two workers handling the same event at once make one delivery.
 */
public interface DeliveryLog {

    /**
     * Marks the delivery as in progress, unless it was already delivered or another claim on it is in progress and
     * younger than the implementation's lease. A claim older than the lease belongs to a worker that crashed and may
     * be taken over; a failed (dead-lettered) delivery may be claimed again, which is how it is replayed.
     *
     * @return whether the caller now owns the delivery and should make it
     */
    boolean claim(Delivery delivery);

    /**
     * {@link #claim} for many deliveries at once, which an implementation may do in fewer requests (one event fans
     * out to many subscriptions, and every claim comes before its delivery).
     *
     * @return the ids of the deliveries the caller now owns; an id given twice is claimed once
     */
    default Set<String> claimAll(List<Delivery> deliveries) {
        Set<String> claimed = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (Delivery delivery : deliveries) {
            if (seen.add(delivery.deliveryId()) && claim(delivery)) {
                claimed.add(delivery.deliveryId());
            }
        }
        return claimed;
    }

    /**
     * How {@link #claimAll} and {@link #recordAll} are best given these deliveries: groups that each cost one request.
     * The deliverer claims, starts and records a group together. By default, groups of a hundred in order.
     */
    default List<List<Delivery>> claimGroups(List<Delivery> deliveries) {
        List<List<Delivery>> groups = new ArrayList<>();
        for (int from = 0; from < deliveries.size(); from += 100) {
            groups.add(List.copyOf(deliveries.subList(from, Math.min(deliveries.size(), from + 100))));
        }
        return groups;
    }

    /**
     * The receiver accepted the delivery.
     *
     * @param attempts how many attempts it took, at least 1
     * @param latency from the first attempt to the receiver's acceptance, backoff included
     */
    void delivered(Delivery delivery, int attempts, Duration latency);

    /**
     * The delivery was given up: its failure was permanent or its retry budget is spent. It is claimable again.
     *
     * @param attempts how many attempts were made, 0 if none could be (no channel handles it)
     * @param lastError why the last attempt failed
     * @param deadLettered whether it reached the dead letters, from where it can be replayed
     */
    void failed(Delivery delivery, int attempts, String lastError, boolean deadLettered);

    /**
     * {@link #delivered} and {@link #failed} for many deliveries at once, which an implementation may do in fewer
     * requests: one event's deliveries end within moments of each other, and writing each record alone would cost a
     * request per delivery.
     *
     * @throws RuntimeException if some of the records could not be written; the others may have been
     */
    default void recordAll(List<DeliveryRecord> records) {
        for (DeliveryRecord record : records) {
            switch (record) {
                case DeliveryRecord.Delivered d -> delivered(d.delivery(), d.attempts(), d.latency());
                case DeliveryRecord.Failed f -> failed(f.delivery(), f.attempts(), f.lastError(), f.deadLettered());
            }
        }
    }
}
