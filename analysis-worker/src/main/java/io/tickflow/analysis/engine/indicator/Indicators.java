package io.tickflow.analysis.engine.indicator;

import io.tickflow.analysis.engine.Bars;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The bars of one study with the indicator series computed over them, each computed once and then shared by every
 * backtest (a grid over fast and slow averages computes each average once, not once per pair). Thread-safe: threads
 * asking for the same series at once wait for one computation of it.
 *
 * <p>The cache is bounded: it keeps the most recently used series whose arrays fit a byte budget (128 MB unless told
 * otherwise, sixteen series of a million bars) and computes an evicted one again when it is asked for, so a long study
 * stays within a small heap. It keeps at least four series whatever the budget, since one strategy reads
 * up to that many at once. Every series is as long as the bars, NaN where the indicator is not defined yet, and read
 * only.
 */
public final class Indicators {

    /** The budget {@link #of(Bars)} gives the cache. */
    public static final long DEFAULT_BUDGET_BYTES = 128L << 20;

    static final int MIN_SERIES = 4;

    private final Bars bars;
    private final int capacity;
    private final Map<String, CompletableFuture<double[]>> cache;

    private Indicators(Bars bars, int capacity) {
        this.bars = bars;
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Indicators over {@code bars}, none computed yet, cached within {@link #DEFAULT_BUDGET_BYTES}. */
    public static Indicators of(Bars bars) {
        return of(bars, DEFAULT_BUDGET_BYTES);
    }

    /** Indicators over {@code bars}, none computed yet, whose cached series take at most {@code budgetBytes}. */
    public static Indicators of(Bars bars, long budgetBytes) {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("The indicator cache has a positive budget: " + budgetBytes + " bytes");
        }
        long bytesPerSeries = Math.max(1, (long) bars.size() * Double.BYTES);
        long fits = budgetBytes / bytesPerSeries;
        return new Indicators(bars, (int) Math.max(MIN_SERIES, Math.min(fits, Integer.MAX_VALUE)));
    }

    /** The bars. */
    public Bars bars() {
        return bars;
    }

    /** How many series the cache keeps at most. */
    int capacity() {
        return capacity;
    }

    /** The simple moving average of closes over {@code period} bars ({@link MovingAverages#sma}). */
    public double[] sma(int period) {
        return cached("sma:" + period, () -> MovingAverages.sma(bars.close(), period));
    }

    /** The exponential moving average of closes over {@code period} bars ({@link MovingAverages#ema}). */
    public double[] ema(int period) {
        return cached("ema:" + period, () -> MovingAverages.ema(bars.close(), period));
    }

    /** The relative strength index of closes over {@code period} bars ({@link Oscillators#rsi}). */
    public double[] rsi(int period) {
        return cached("rsi:" + period, () -> Oscillators.rsi(bars.close(), period));
    }

    /** The MACD line of closes, {@code ema(fast) - ema(slow)} ({@link Oscillators#macd}). */
    public double[] macd(int fast, int slow) {
        return cached("macd:" + fast + ":" + slow, () -> {
            Oscillators.requireFastBelowSlow(fast, slow);
            return Oscillators.difference(ema(fast), ema(slow));
        });
    }

    /** The MACD signal line: the EMA over {@code signal} bars of {@link #macd} ({@link Oscillators#macdSignal}). */
    public double[] macdSignal(int fast, int slow, int signal) {
        return cached(
                "macdSignal:" + fast + ":" + slow + ":" + signal, () -> MovingAverages.ema(macd(fast, slow), signal));
    }

    /** The population standard deviation of closes over {@code period} bars ({@link Bands#standardDeviation}). */
    public double[] standardDeviation(int period) {
        return cached("stddev:" + period, () -> Bands.standardDeviation(bars.close(), period));
    }

    /** The middle Bollinger band: the simple moving average, {@link #sma}. */
    public double[] bollingerMiddle(int period) {
        return sma(period);
    }

    /** The upper Bollinger band, {@code sma(period) + k * standardDeviation(period)}. */
    public double[] bollingerUpper(int period, double k) {
        return cached(
                "bollingerUpper:" + period + ":" + k, () -> Bands.offset(sma(period), standardDeviation(period), k));
    }

    /** The lower Bollinger band, {@code sma(period) - k * standardDeviation(period)}. */
    public double[] bollingerLower(int period, double k) {
        return cached(
                "bollingerLower:" + period + ":" + k, () -> Bands.offset(sma(period), standardDeviation(period), -k));
    }

    /** The average true range over {@code period} bars, from highs, lows and closes ({@link Ranges#atr}). */
    public double[] atr(int period) {
        return cached("atr:" + period, () -> Ranges.atr(bars.high(), bars.low(), bars.close(), period));
    }

    /**
     * The series under {@code key}, computed by the first thread to ask for it while the others wait for it. The
     * computation runs outside the lock, so it may itself read other cached series (the MACD reads two EMAs).
     */
    private double[] cached(String key, Supplier<double[]> compute) {
        CompletableFuture<double[]> series;
        boolean computeHere = false;
        synchronized (cache) {
            series = cache.get(key);
            if (series == null) {
                series = new CompletableFuture<>();
                cache.put(key, series);
                computeHere = true;
                // Access order: the first entries are the least recently used. A series evicted while another thread
                // computes or reads it stays valid for that thread; it is only no longer shared.
                var eldest = cache.values().iterator();
                while (cache.size() > capacity) {
                    eldest.next();
                    eldest.remove();
                }
            }
        }
        if (computeHere) {
            try {
                series.complete(compute.get());
            } catch (RuntimeException | Error e) {
                // Not cached: the next caller tries again (and fails the same way if the parameters are wrong).
                synchronized (cache) {
                    cache.remove(key, series);
                }
                series.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return series.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
