package io.tickflow.notify.delivery;

import java.util.List;

/** The given-up deliveries kept by {@link DeadLetters}, read back to be replayed. */
public interface DeadLetterSource {

    /** Up to {@code max} kept deliveries, hidden from other readers for a while. */
    List<DeadLetter> take(int max);

    /** Forgets a kept delivery that has been replayed (delivered, or given up again as a new dead letter). */
    void remove(DeadLetter letter);

    /**
     * One kept delivery.
     *
     * @param receipt what {@link #remove} needs to forget it
     */
    record DeadLetter(Delivery delivery, String receipt) {}
}
