package io.tickflow.notify.delivery;

import java.time.Duration;
import java.util.Objects;

/** What the {@link DeliveryLog} keeps of a delivery that ended: delivered, or given up. */
public sealed interface DeliveryRecord {

    /** The delivery it is the record of. */
    Delivery delivery();

    /**
     * The receiver accepted the delivery.
     *
     * @param attempts how many attempts it took, at least 1
     * @param latency from the first attempt to the receiver's acceptance, backoff included
     */
    record Delivered(Delivery delivery, int attempts, Duration latency) implements DeliveryRecord {

        public Delivered {
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(latency, "latency");
            if (attempts < 1) {
                throw new IllegalArgumentException("A delivery takes at least one attempt: " + attempts);
            }
        }
    }

    /**
     * The delivery was given up: its failure was permanent or its retry budget is spent. It is claimable again.
     *
     * @param attempts how many attempts were made, 0 if none could be (no channel handles it)
     * @param lastError why the last attempt failed
     * @param deadLettered whether it reached the dead letters, from where it can be replayed
     */
    record Failed(Delivery delivery, int attempts, String lastError, boolean deadLettered) implements DeliveryRecord {

        public Failed {
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(lastError, "lastError");
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts is not negative: " + attempts);
            }
        }
    }
}
