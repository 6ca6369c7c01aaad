package io.tickflow.storage.candles;

import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.Trade;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The part of each one-minute candle that one batch of trades makes up. */
public final class OneMinuteParts {

    private OneMinuteParts() {}

    /** The one-minute candle parts of {@code ticks}' trades (other ticks are left out), by candle. */
    public static Map<CandleKey, Candle> of(String venue, List<? extends Tick> ticks) {
        Map<CandleKey, Candle> parts = new HashMap<>();
        for (Tick tick : ticks) {
            if (tick instanceof Trade trade) {
                Candle single = Candle.of(venue, trade);
                parts.merge(single.key(), single, Candle::merge);
            }
        }
        return parts;
    }
}
