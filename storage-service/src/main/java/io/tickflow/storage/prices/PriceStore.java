package io.tickflow.storage.prices;

import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Trade;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The latest prices per instrument. Every update is conditional on event time, so a replayed or late tick never moves
 * a value backwards, and applying the same tick twice changes nothing.
 */
public interface PriceStore {

    /** Keeps {@code quote} if it is newer than the stored one. */
    void recordQuote(String venue, Quote quote);

    /**
     * Keeps {@code trade} as the last trade if it is later than the stored one. The last trade time is also the
     * series' watermark: candles that end at or before it are closed.
     */
    Watermark recordLastTrade(String venue, Trade trade);

    /** What is stored for one instrument. */
    Optional<LatestPrices> latest(String venue, String symbol);

    /** Every instrument with a price, by venue and symbol. */
    List<LatestPrices> all();

    /**
     * The outcome of {@link #recordLastTrade}.
     *
     * @param advanced whether this call moved the watermark
     * @param previous the watermark before, if there was one
     * @param current the watermark after: this trade's time, or a later one stored before
     */
    record Watermark(boolean advanced, @Nullable Instant previous, Instant current) {}
}
