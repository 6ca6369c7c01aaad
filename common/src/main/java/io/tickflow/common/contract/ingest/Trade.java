package io.tickflow.common.contract.ingest;

import io.tickflow.common.contract.Dataset;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An executed trade ({@code "type":"trade"}).
 *
 * <p>Its identity, for de-duplication, is (venue, symbol, {@code tradeId}) or, without a trade id, (venue, symbol,
 * {@code sequence}); ingest-service derives one from the content when the venue gives neither.
 *
 * @param symbol the instrument
 * @param time when the trade executed
 * @param price the price per unit, exact
 * @param size the quantity traded, exact
 * @param side the aggressor's side, if the venue reports it
 * @param tradeId the venue's trade id, if it has one
 * @param sequence the venue's sequence number, if it has one
 */
public record Trade(
        String symbol,
        Instant time,
        BigDecimal price,
        BigDecimal size,
        @Nullable Side side,
        @Nullable String tradeId,
        @Nullable Long sequence)
        implements Tick {

    public Trade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
    }

    @Override
    public Dataset dataset() {
        return Dataset.TRADES;
    }
}
