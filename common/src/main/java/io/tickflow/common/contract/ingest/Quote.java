package io.tickflow.common.contract.ingest;

import io.tickflow.common.contract.Dataset;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The best bid and ask of an instrument at one moment ({@code "type":"quote"}).
 *
 * @param symbol the instrument
 * @param time when the venue quoted it
 * @param bid the best bid price, exact
 * @param bidSize the quantity offered at the bid, exact
 * @param ask the best ask price, exact
 * @param askSize the quantity offered at the ask, exact
 */
public record Quote(String symbol, Instant time, BigDecimal bid, BigDecimal bidSize, BigDecimal ask, BigDecimal askSize)
        implements Tick {

    public Quote {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(bidSize, "bidSize");
        Objects.requireNonNull(ask, "ask");
        Objects.requireNonNull(askSize, "askSize");
    }

    @Override
    public Dataset dataset() {
        return Dataset.QUOTES;
    }
}
