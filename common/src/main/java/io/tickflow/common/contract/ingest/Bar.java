package io.tickflow.common.contract.ingest;

import io.tickflow.common.contract.Dataset;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An OHLCV bar a producer already aggregated ({@code "type":"bar"}), e.g. from a venue's candle API or a CSV backfill.
 *
 * @param symbol the instrument
 * @param interval how long the bar lasts, e.g. {@code 1m}, {@code 15m}, {@code 1d}: a count and a unit of {@code s},
 *     {@code m}, {@code h}, {@code d} or {@code w}; ingest-service decides which it accepts
 * @param time when the bar opened
 * @param open the first price, exact
 * @param high the highest price, exact
 * @param low the lowest price, exact
 * @param close the last price, exact
 * @param volume the quantity traded, exact
 */
public record Bar(
        String symbol,
        String interval,
        Instant time,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume)
        implements Tick {

    public Bar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
    }

    @Override
    public Dataset dataset() {
        return Dataset.BARS;
    }
}
