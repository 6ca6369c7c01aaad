package io.tickflow.cli.send;

import io.tickflow.cli.batch.TickMessage;

/** Where tick-batch messages go. Used from one thread: the one reading the input. */
public interface MessagePublisher {

    /** Hands over a message; may wait while earlier ones are still being sent, so that memory stays bounded. */
    void publish(TickMessage message);

    /** What has been sent and what has failed so far; a live view, safe to read while sending goes on. */
    Delivery delivery();

    /** Sends what is left, waits for every send to end, and returns the final tally. */
    Delivery finish();
}
