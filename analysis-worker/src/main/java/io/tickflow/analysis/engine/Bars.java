package io.tickflow.analysis.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * A series of OHLCV bars, oldest first, in parallel primitive arrays so that indicators and backtests run over them
 * without boxing. Instances are immutable: the arrays are never handed out for writing, and callers must not change
 * the arrays the accessors return.
 */
public final class Bars {

    private final long[] openTimes;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final long intervalMillis;

    private Bars(
            long[] openTimes,
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            double[] volume,
            long intervalMillis) {
        this.openTimes = openTimes;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.intervalMillis = intervalMillis;
    }

    /**
     * Bars from arrays of equal length (copied).
     *
     * @param openTimes when each bar opens, epoch milliseconds, strictly increasing
     * @param intervalMillis the length of one bar, which annualises returns
     * @throws IllegalArgumentException if the arrays differ in length, times do not increase, or a price is not positive
     */
    public static Bars of(
            long[] openTimes,
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            double[] volume,
            long intervalMillis) {
        int n = openTimes.length;
        for (double[] column : new double[][] {open, high, low, close, volume}) {
            if (column.length != n) {
                throw new IllegalArgumentException("Every column of bars has " + n + " values: " + column.length);
            }
        }
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("A bar lasts a positive time: " + intervalMillis + " ms");
        }
        for (int i = 0; i < n; i++) {
            if (i > 0 && openTimes[i] <= openTimes[i - 1]) {
                throw new IllegalArgumentException("Bar times increase: " + openTimes[i - 1] + " then " + openTimes[i]);
            }
            if (!(open[i] > 0 && high[i] > 0 && low[i] > 0 && close[i] > 0)) {
                throw new IllegalArgumentException("Bar " + i + " has a price that is not positive");
            }
        }
        return new Bars(
                openTimes.clone(),
                open.clone(),
                high.clone(),
                low.clone(),
                close.clone(),
                volume.clone(),
                intervalMillis);
    }

    /** The number of bars. */
    public int size() {
        return close.length;
    }

    /** The bars from index {@code from} (inclusive) to {@code to} (exclusive). */
    public Bars slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        return new Bars(
                Arrays.copyOfRange(openTimes, from, to),
                Arrays.copyOfRange(open, from, to),
                Arrays.copyOfRange(high, from, to),
                Arrays.copyOfRange(low, from, to),
                Arrays.copyOfRange(close, from, to),
                Arrays.copyOfRange(volume, from, to),
                intervalMillis);
    }

    /** The length of one bar in milliseconds. */
    public long intervalMillis() {
        return intervalMillis;
    }

    /**
     * How many bars make a year, for annualising: markets Tickflow trades run around the clock, so a year is 365.25
     * days of bars (365.25 for daily bars, 8,766 for hourly ones).
     */
    public double barsPerYear() {
        return 365.25 * 24 * 3600 * 1000 / intervalMillis;
    }

    /** Open times, epoch milliseconds. Read only. */
    public long[] openTimes() {
        return openTimes;
    }

    /** Opening prices. Read only. */
    public double[] open() {
        return open;
    }

    /** Highest prices. Read only. */
    public double[] high() {
        return high;
    }

    /** Lowest prices. Read only. */
    public double[] low() {
        return low;
    }

    /** Closing prices. Read only. */
    public double[] close() {
        return close;
    }

    /** Traded quantities. Read only. */
    public double[] volume() {
        return volume;
    }
}
