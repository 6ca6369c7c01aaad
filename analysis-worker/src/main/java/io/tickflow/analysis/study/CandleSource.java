package io.tickflow.analysis.study;

import io.tickflow.analysis.engine.Bars;
import io.tickflow.common.contract.Interval;
import java.time.Instant;

/** Where studies read their bars: the candles storage-service keeps. */
public interface CandleSource {

    /** The candles of a series that open in [{@code from}, {@code to}), oldest first; empty bars when there are none. */
    Bars load(String venue, String symbol, Interval interval, Instant from, Instant to);
}
