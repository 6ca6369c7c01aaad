package io.tickflow.ingest.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The tunable limits of {@link TickIntake}: plain values the service's configuration properties are mapped into, so
 * that the domain owns its defaults and knows nothing of where they come from.
 *
 * @param maxTicksPerMessage the most ticks one message may hold; a batch with more is rejected whole, since splitting
 *     it is the producer's job and keeps one message's work bounded
 * @param earliestTime the earliest tick time accepted; older ticks are rejected with {@link ReasonCode#TIME_TOO_EARLY}.
 *     The default, 1970-01-02, only refuses times at or before the epoch (a zero, a missing value); raise it (say to
 *     2000-01-01) where no older data exists, and epoch <em>seconds</em> sent as milliseconds (which read as January
 *     1970) are caught too
 * @param maxFutureSkew how far ahead of this service's clock a tick may be, for clocks that run slightly apart; later
 *     ticks are rejected with {@link ReasonCode#TIME_IN_FUTURE}
 * @param maxOriginalLength the most characters of a rejected tick or message kept as its {@code original}; longer ones
 *     are cut and say so, which bounds the size of a {@code TickRejected}
 */
public record IntakeRules(int maxTicksPerMessage, Instant earliestTime, Duration maxFutureSkew, int maxOriginalLength) {

    /** At most 10,000 ticks per message. */
    public static final int DEFAULT_MAX_TICKS_PER_MESSAGE = 10_000;

    /** 1970-01-02T00:00:00Z. */
    public static final Instant DEFAULT_EARLIEST_TIME = Instant.parse("1970-01-02T00:00:00Z");

    /** Five minutes. */
    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofMinutes(5);

    /** 4 KiB of characters. */
    public static final int DEFAULT_MAX_ORIGINAL_LENGTH = 4096;

    public IntakeRules {
        Objects.requireNonNull(earliestTime, "earliestTime");
        Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
        if (maxTicksPerMessage < 1) {
            throw new IllegalArgumentException("maxTicksPerMessage is at least 1: " + maxTicksPerMessage);
        }
        if (maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("maxFutureSkew is not negative: " + maxFutureSkew);
        }
        if (maxOriginalLength < 64) {
            // Fewer characters would not show enough of a tick to recognise it.
            throw new IllegalArgumentException("maxOriginalLength is at least 64: " + maxOriginalLength);
        }
    }

    /** The defaults above. */
    public static IntakeRules defaults() {
        return new IntakeRules(
                DEFAULT_MAX_TICKS_PER_MESSAGE,
                DEFAULT_EARLIEST_TIME,
                DEFAULT_MAX_FUTURE_SKEW,
                DEFAULT_MAX_ORIGINAL_LENGTH);
    }

    /** These rules with another limit on the ticks of one message. */
    public IntakeRules withMaxTicksPerMessage(int value) {
        return new IntakeRules(value, earliestTime, maxFutureSkew, maxOriginalLength);
    }

    /** These rules with another earliest tick time. */
    public IntakeRules withEarliestTime(Instant value) {
        return new IntakeRules(maxTicksPerMessage, value, maxFutureSkew, maxOriginalLength);
    }

    /** These rules with another allowed skew into the future. */
    public IntakeRules withMaxFutureSkew(Duration value) {
        return new IntakeRules(maxTicksPerMessage, earliestTime, value, maxOriginalLength);
    }

    /** These rules with another limit on the original text kept with a rejection. */
    public IntakeRules withMaxOriginalLength(int value) {
        return new IntakeRules(maxTicksPerMessage, earliestTime, maxFutureSkew, value);
    }
}
