package io.tickflow.ingest.intake;

import io.tickflow.common.contract.Dataset;
import java.util.Objects;

/**
 * The ticks of one venue, one symbol and one dataset: what one {@code TicksAccepted} message holds, what its SNS
 * attributes name, and the lake partition its ticks are written to. Venue and symbol are normalised, so they are safe
 * in keys.
 *
 * @param venue the venue, e.g. {@code bitstamp}
 * @param symbol the instrument, e.g. {@code BTC-USD}
 * @param dataset trades, quotes or bars
 */
public record TickStream(String venue, String symbol, Dataset dataset) {

    public TickStream {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(dataset, "dataset");
    }

    /** {@code bitstamp/BTC-USD/trades}. */
    @Override
    public String toString() {
        return venue + "/" + symbol + "/" + dataset.wireName();
    }
}
