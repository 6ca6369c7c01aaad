package io.tickflow.notify.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Dead letters in a list; one that can be told to fail, as a queue that cannot be reached would. */
final class InMemoryDeadLetters implements DeadLetters {

    record DeadLetter(Delivery delivery, String reason) {}

    private final List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    private volatile boolean unreachable;

    @Override
    public void send(Delivery delivery, String reason) {
        if (unreachable) {
            throw new IllegalStateException("The dead-letter queue cannot be reached");
        }
        letters.add(new DeadLetter(delivery, reason));
    }

    List<DeadLetter> letters() {
        return List.copyOf(letters);
    }

    void becomeUnreachable() {
        unreachable = true;
    }
}
