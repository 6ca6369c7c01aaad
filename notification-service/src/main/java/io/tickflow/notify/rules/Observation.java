package io.tickflow.notify.rules;

import io.tickflow.common.contract.market.CandleClosed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing a price alert rule can react to: a price (a trade's, or a quote's mid) at a moment, or a closed candle.
 * {@link Observations#from} extracts them from the events on the alert queue.
 */
public sealed interface Observation permits Observation.Price, Observation.Candle {

    /** The venue it comes from. */
    String venue();

    /** The instrument. */
    String symbol();

    /** When it happened: the tick's time, or the candle's close time. */
    Instant time();

    /**
     * A price at a moment: a trade's price or a quote's mid, {@code (bid + ask) / 2}.
     *
     * @param venue the venue
     * @param symbol the instrument
     * @param time the tick's time at the venue
     * @param price the price
     */
    record Price(String venue, String symbol, Instant time, BigDecimal price) implements Observation {
        public Price {
            Objects.requireNonNull(venue, "venue");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(price, "price");
        }
    }

    /**
     * A candle that closed.
     *
     * @param candle the closed candle
     */
    record Candle(CandleClosed candle) implements Observation {
        public Candle {
            Objects.requireNonNull(candle, "candle");
        }

        @Override
        public String venue() {
            return candle.venue();
        }

        @Override
        public String symbol() {
            return candle.symbol();
        }

        /** The candle's close time, the end of its interval. */
        @Override
        public Instant time() {
            return candle.closeTime();
        }
    }
}
