package io.tickflow.analysis.engine.indicator;

/** Moving averages over primitive arrays. */
public final class MovingAverages {

    private MovingAverages() {}

    /**
     * The simple moving average of {@code values} over {@code period}: {@code out[i]} is the mean of {@code values[i -
     * period + 1 .. i]}, NaN for {@code i < period - 1}. The window sum is recomputed every {@code period} steps so that
     * rounding errors do not accumulate over long series.
     */
    public static double[] sma(double[] values, int period) {
        if (period < 1) {
            throw new IllegalArgumentException("A moving average covers at least one bar: " + period);
        }
        double[] out = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
            if (i >= period) {
                sum -= values[i - period];
            }
            if ((i + 1) % period == 0 && i >= period) {
                sum = 0;
                for (int j = i - period + 1; j <= i; j++) {
                    sum += values[j];
                }
            }
            out[i] = i < period - 1 ? Double.NaN : sum / period;
        }
        return out;
    }
}
