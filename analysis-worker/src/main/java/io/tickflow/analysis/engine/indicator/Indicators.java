package io.tickflow.analysis.engine.indicator;

import io.tickflow.analysis.engine.Bars;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The bars of one study with the indicator series computed over them, each computed once and then shared by every
 * backtest (a grid over fast and slow averages computes each average once, not once per pair). Thread-safe.
 */
public final class Indicators {

    private final Bars bars;
    private final Map<String, double[]> cache = new ConcurrentHashMap<>();

    private Indicators(Bars bars) {
        this.bars = bars;
    }

    /** Indicators over {@code bars}, none computed yet. */
    public static Indicators of(Bars bars) {
        return new Indicators(bars);
    }

    /** The bars. */
    public Bars bars() {
        return bars;
    }

    /** The simple moving average of closes over {@code period} bars; NaN before the first full window. Read only. */
    public double[] sma(int period) {
        return cached("sma:" + period, () -> MovingAverages.sma(bars.close(), period));
    }

    private double[] cached(String key, Supplier<double[]> compute) {
        return cache.computeIfAbsent(key, k -> compute.get());
    }
}
