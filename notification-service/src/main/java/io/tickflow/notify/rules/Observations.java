package io.tickflow.notify.rules;

import io.tickflow.common.contract.ContractEvent;
import io.tickflow.common.contract.ingest.Bar;
import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.common.contract.market.CandleClosed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads the observations price alerts evaluate out of the events that arrive on the alert queue. */
public final class Observations {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private Observations() {}

    /**
     * The observations in {@code event}, all of its venue and symbol, in time order (ticks of the same time keep the
     * order they were published in):
     *
     * <ul>
     *   <li>from {@link TicksAccepted}, a price per trade and a mid, {@code (bid + ask) / 2}, per quote; bars are not
     *       prices at a moment and give none;
     *   <li>from {@link CandleClosed}, the candle;
     *   <li>from any other event, none.
     * </ul>
     */
    public static List<Observation> from(ContractEvent event) {
        return switch (event) {
            case TicksAccepted ticks -> prices(ticks);
            case CandleClosed candle -> List.of(new Observation.Candle(candle));
            default -> List.of();
        };
    }

    private static List<Observation> prices(TicksAccepted ticks) {
        List<Observation.Price> prices = new ArrayList<>(ticks.ticks().size());
        for (Tick tick : ticks.ticks()) {
            price(tick)
                    .ifPresent(price ->
                            prices.add(new Observation.Price(ticks.venue(), ticks.symbol(), tick.time(), price)));
        }
        // List.sort is stable: ticks of the same instant stay in publication order.
        prices.sort(Comparator.comparing(Observation.Price::time));
        return List.copyOf(prices);
    }

    private static Optional<BigDecimal> price(Tick tick) {
        return switch (tick) {
            case Trade trade -> Optional.of(trade.price());
            // Halving a decimal always terminates, so the mid is exact.
            case Quote quote -> Optional.of(quote.bid().add(quote.ask()).divide(TWO));
            case Bar bar -> Optional.empty();
        };
    }
}
