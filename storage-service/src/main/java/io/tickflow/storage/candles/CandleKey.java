package io.tickflow.storage.candles;

import io.tickflow.common.contract.Interval;
import java.time.Instant;
import java.util.Objects;

/**
 * Which candle: venue, symbol, interval and the start of its interval (UTC, aligned to the interval).
 *
 * @param venue the venue
 * @param symbol the instrument
 * @param interval the candle's length
 * @param openTime the start of the interval, inclusive
 */
public record CandleKey(String venue, String symbol, Interval interval, Instant openTime) {

    public CandleKey {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(openTime, "openTime");
        if (!openTime.equals(floor(openTime, interval))) {
            throw new IllegalArgumentException(
                    "A " + interval.wireName() + " candle opens on its boundary: " + openTime);
        }
    }

    /** The candle of {@code interval} that {@code time} falls in. */
    public static CandleKey containing(String venue, String symbol, Interval interval, Instant time) {
        return new CandleKey(venue, symbol, interval, floor(time, interval));
    }

    /** The DynamoDB partition key of the candle's series: {@code venue#symbol#interval}. */
    public String series() {
        return series(venue, symbol, interval);
    }

    /** The series key of {@code venue}, {@code symbol} and {@code interval}. */
    public static String series(String venue, String symbol, Interval interval) {
        return venue + "#" + symbol + "#" + interval.wireName();
    }

    /** The end of the interval, exclusive. */
    public Instant closeTime() {
        return openTime.plus(interval.duration());
    }

    /** The candle of the next longer interval that this one is part of. */
    public CandleKey parent(Interval longer) {
        if (longer.duration().compareTo(interval.duration()) <= 0) {
            throw new IllegalArgumentException(longer.wireName() + " is not longer than " + interval.wireName());
        }
        return containing(venue, symbol, longer, openTime);
    }

    /** The start of the {@code interval} that {@code time} falls in: UTC boundaries, days included. */
    public static Instant floor(Instant time, Interval interval) {
        long millis = interval.duration().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), millis) * millis);
    }
}
