package io.tickflow.notify.delivery;

/**
 * Where a delivery goes when it is given up ({@code tickflow-notifications-dlq}), with the reason, so that it can be
 * looked at and replayed: replaying is delivering the same {@link Delivery} again, which its log entry allows.
 */
public interface DeadLetters {

    /**
     * Keeps the delivery durably; returns once it is kept.
     *
     * @param reason why it was given up: the last error and how many attempts were made
     */
    void send(Delivery delivery, String reason);
}
