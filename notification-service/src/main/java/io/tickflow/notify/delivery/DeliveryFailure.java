package io.tickflow.notify.delivery;

/**
 * An attempt that did not deliver. {@link #retryable()} says whether trying again may help: a timeout, a refused
 * connection or a 5xx/429 answer may; a 4xx answer, an address the guard refuses or an invalid recipient will not.
 */
public class DeliveryFailure extends Exception {

    private final boolean retryable;

    public DeliveryFailure(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public DeliveryFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether another attempt may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
