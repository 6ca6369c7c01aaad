package io.tickflow.common.contract.market;

import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.MessageAttributes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A candle that will not change any more: its interval has ended and storage-service stored it ({@code
 * tickflow.candle-closed.v1}, event type {@code CandleClosed}).
 *
 * <p>Published by storage-service on the {@code market-events} topic with the attributes {@code eventType}, {@code
 * schemaVersion}, {@code venue}, {@code symbol} and {@code interval}; consumed by notification-service (alerts on
 * closes) and by user subscriptions. A candle is identified by (venue, symbol, interval, openTime), not by the event:
 * consumers that store candles key them on that.
 *
 * @param eventId this event's identity
 * @param occurredAt when storage-service closed the candle
 * @param venue the venue
 * @param symbol the instrument
 * @param interval the candle's interval
 * @param openTime the start of the interval, inclusive
 * @param closeTime the end of the interval, exclusive: {@code openTime} plus the interval
 * @param open the first trade price
 * @param high the highest trade price
 * @param low the lowest trade price
 * @param close the last trade price
 * @param volume the quantity traded
 * @param vwap the volume-weighted average price; absent when the candle was built from bars or no volume traded
 * @param tradeCount how many trades the candle aggregates; 0 when built from bars
 */
public record CandleClosed(
        UUID eventId,
        Instant occurredAt,
        String venue,
        String symbol,
        Interval interval,
        Instant openTime,
        Instant closeTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        @Nullable BigDecimal vwap,
        long tradeCount)
        implements MarketEvent {

    /** The wire name of this contract. */
    public static final String SCHEMA = "tickflow.candle-closed.v1";

    public CandleClosed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(closeTime, "closeTime");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        if (!closeTime.equals(openTime.plus(interval.duration()))) {
            throw new IllegalArgumentException("A " + interval.wireName() + " candle opening at " + openTime
                    + " closes at " + openTime.plus(interval.duration()) + ", not " + closeTime);
        }
        if (tradeCount < 0) {
            throw new IllegalArgumentException("tradeCount is not negative: " + tradeCount);
        }
    }

    @Override
    public Contract contract() {
        return Contract.CANDLE_CLOSED;
    }

    @Override
    public MessageAttributes messageAttributes() {
        return MessageAttributes.of(contract())
                .with(MessageAttributes.VENUE, venue)
                .with(MessageAttributes.SYMBOL, symbol)
                .with(MessageAttributes.INTERVAL, interval.wireName());
    }
}
