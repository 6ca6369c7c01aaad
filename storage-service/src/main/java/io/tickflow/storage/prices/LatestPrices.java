package io.tickflow.storage.prices;

import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Trade;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What is known now of one instrument at one venue: its latest quote and its last trade, either of which may be
 * missing.
 *
 * @param venue the venue
 * @param symbol the instrument
 * @param quote the latest quote by quote time
 * @param lastTrade the last trade by trade time
 */
public record LatestPrices(String venue, String symbol, @Nullable Quote quote, @Nullable Trade lastTrade) {
    public LatestPrices {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
    }
}
