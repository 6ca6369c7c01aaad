package io.tickflow.analysis.engine.indicator;

/** Volatility measured from bar ranges: the true range and its Wilder average, the ATR. */
public final class Ranges {

    private Ranges() {}

    /**
     * The true range of each bar: the largest of {@code high - low}, {@code |high - previous close|} and {@code
     * |previous close - low|}; for the first bar, which has no previous close, {@code high - low} (as ta4j 0.22's
     * {@code TRIndicator}).
     */
    public static double[] trueRange(double[] high, double[] low, double[] close) {
        int n = close.length;
        if (high.length != n || low.length != n) {
            throw new IllegalArgumentException(
                    "High, low and close have one value per bar: " + high.length + ", " + low.length + ", " + n);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double range = Math.abs(high[i] - low[i]);
            if (i > 0) {
                double previousClose = close[i - 1];
                range = Math.max(range, Math.abs(high[i] - previousClose));
                range = Math.max(range, Math.abs(previousClose - low[i]));
            }
            out[i] = range;
        }
        return out;
    }

    /**
     * The average true range over {@code period}: Wilder's average of the {@link #trueRange true range}, as ta4j 0.22's
     * {@code ATRIndicator}, NaN for {@code i < period}, the true range of bar {@code period} at that index.
     */
    public static double[] atr(double[] high, double[] low, double[] close, int period) {
        return MovingAverages.wilder(trueRange(high, low, close), period);
    }
}
