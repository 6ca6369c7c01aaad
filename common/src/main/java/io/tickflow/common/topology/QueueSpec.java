package io.tickflow.common.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * An SQS queue and its dead-letter queue.
 *
 * @param name the queue name, prefix included
 * @param deadLetterQueue the name of the queue that receives messages after {@code maxReceiveCount} failed receives
 * @param maxReceiveCount how many times a message is received before the redrive policy moves it to the DLQ
 * @param visibilityTimeout how long a received message stays hidden before it comes back
 * @param retention how long SQS keeps an unconsumed message; the DLQ keeps messages for the SQS maximum of 14 days
 */
public record QueueSpec(
        String name, String deadLetterQueue, int maxReceiveCount, Duration visibilityTimeout, Duration retention) {

    /** The longest retention SQS allows, used for every dead-letter queue. */
    public static final Duration MAX_RETENTION = Duration.ofDays(14);

    public QueueSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
        if (maxReceiveCount < 1) {
            throw new IllegalArgumentException("maxReceiveCount must be at least 1: " + maxReceiveCount);
        }
        Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
        Objects.requireNonNull(retention, "retention");
    }
}
