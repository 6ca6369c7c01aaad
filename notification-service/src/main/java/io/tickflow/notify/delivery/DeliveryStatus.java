package io.tickflow.notify.delivery;

/** How one delivery of a batch ended. */
public enum DeliveryStatus {
    /** The receiver accepted it. */
    DELIVERED,
    /** It had been delivered before, or another worker was making it: nothing was sent. */
    DUPLICATE,
    /** It was given up, after its retry budget or on a permanent failure, and dead-lettered. */
    FAILED
}
