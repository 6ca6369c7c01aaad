package io.tickflow.notify.delivery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a batch of deliveries (one event fanned out to its subscriptions) ended.
 *
 * @param outcomes one per delivery, in the order they were given
 */
public record DeliverySummary(List<DeliveryOutcome> outcomes) {

    public DeliverySummary {
        outcomes = List.copyOf(Objects.requireNonNull(outcomes, "outcomes"));
    }

    /** How many were delivered now. */
    public long delivered() {
        return count(DeliveryStatus.DELIVERED);
    }

    /** How many had been delivered already, or were being delivered by another worker. */
    public long duplicates() {
        return count(DeliveryStatus.DUPLICATE);
    }

    /** How many were given up and dead-lettered. */
    public long failed() {
        return count(DeliveryStatus.FAILED);
    }

    /** The outcome of the delivery with this id, if it was in the batch (the first, if it was there twice). */
    public Optional<DeliveryOutcome> outcome(String deliveryId) {
        return outcomes.stream().filter(o -> o.deliveryId().equals(deliveryId)).findFirst();
    }

    private long count(DeliveryStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
