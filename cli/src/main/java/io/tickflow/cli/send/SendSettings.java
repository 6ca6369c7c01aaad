package io.tickflow.cli.send;

import java.time.Duration;
import java.util.Objects;

/**
 * How messages are sent.
 *
 * @param maxRequestBytes at most this many body bytes in one SendMessageBatch call (SQS allows 256 KiB in total for
 *     the 10 messages of a call, as for one message)
 * @param concurrency how many calls may be in flight at once
 * @param maxAttempts how many times a message is tried before it counts as not sent
 * @param firstBackoff the wait before the first retry; it doubles with every attempt, with jitter
 * @param maxBackoff the longest wait between two attempts
 */
public record SendSettings(
        int maxRequestBytes, int concurrency, int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

    /** SendMessageBatch takes at most this many messages. */
    public static final int MAX_ENTRIES = 10;

    public SendSettings {
        if (maxRequestBytes < 1 || concurrency < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("maxRequestBytes, concurrency and maxAttempts must be at least 1");
        }
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    /** The wait before attempt {@code attempt + 1}, before jitter: {@code firstBackoff * 2^(attempt-1)}, capped. */
    Duration backoff(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
