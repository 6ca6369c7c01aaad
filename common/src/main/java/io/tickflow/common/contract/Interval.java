package io.tickflow.common.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** A candle interval Tickflow aggregates and analyses: one minute, five minutes, one hour or one day (UTC). */
public enum Interval {
    /** One minute. */
    ONE_MINUTE("1m", Duration.ofMinutes(1)),
    /** Five minutes. */
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    /** One hour. */
    ONE_HOUR("1h", Duration.ofHours(1)),
    /** One UTC day. */
    ONE_DAY("1d", Duration.ofDays(1));

    private final String wireName;
    private final Duration duration;

    Interval(String wireName, Duration duration) {
        this.wireName = wireName;
        this.duration = duration;
    }

    /** The name used in JSON and in the {@code interval} message attribute, e.g. {@code 5m}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** How long one candle of this interval lasts. */
    public Duration duration() {
        return duration;
    }

    /** The interval with this wire name, if there is one. */
    public static Optional<Interval> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(i -> i.wireName.equals(wireName)).findFirst();
    }
}
