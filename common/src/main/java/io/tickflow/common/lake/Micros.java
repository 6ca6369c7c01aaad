package io.tickflow.common.lake;

import java.time.Instant;

/**
 * Microseconds since the epoch, UTC: the time unit of the lake's {@code time} columns ({@code TIMESTAMP(MICROS)}) and
 * of storage-service's DynamoDB attributes that order ticks ({@code quoteTime}, {@code lastTradeTime},
 * {@code firstTime}, {@code lastTime}).
 */
public final class Micros {

    private Micros() {}

    /** {@code time} in microseconds since the epoch; finer digits are dropped. */
    public static long of(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
    }

    /** The instant {@code micros} microseconds after the epoch (before it, when negative). */
    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
