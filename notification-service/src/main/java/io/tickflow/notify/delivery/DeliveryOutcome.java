package io.tickflow.notify.delivery;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one delivery ended.
 *
 * @param deliveryId the delivery
 * @param status how it ended
 * @param attempts the attempts made; 0 for a duplicate
 * @param lastError why the last attempt failed; absent when it was delivered or a duplicate
 */
public record DeliveryOutcome(String deliveryId, DeliveryStatus status, int attempts, @Nullable String lastError) {

    public DeliveryOutcome {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(status, "status");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts is not negative: " + attempts);
        }
        if ((status == DeliveryStatus.FAILED) != (lastError != null)) {
            throw new IllegalArgumentException("A failed delivery, and only a failed one, says why: " + status);
        }
    }
}
