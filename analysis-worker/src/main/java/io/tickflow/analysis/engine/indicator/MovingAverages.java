package io.tickflow.analysis.engine.indicator;

/**
 * Moving averages over primitive arrays. Each returns a new array as long as its input, NaN where the average is not
 * defined yet.
 */
public final class MovingAverages {

    private MovingAverages() {}

    /**
     * The simple moving average of {@code values} over {@code period}: {@code out[i]} is the mean of {@code values[i -
     * period + 1 .. i]}, NaN for {@code i < period - 1}. The window sum is recomputed every {@code period} steps so that
     * rounding errors do not accumulate over long series, which keeps it O(n).
     */
    public static double[] sma(double[] values, int period) {
        requirePeriod(period);
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

    /**
     * The exponential moving average of {@code values} with smoothing {@code 2 / (period + 1)}, defined as ta4j 0.22's
     * {@code EMAIndicator} defines it so that the two agree to the last bit: NaN for {@code i < period}; at the first
     * index from {@code period} on where the value is defined, the value itself; then {@code out[i] = out[i - 1] +
     * (values[i] - out[i - 1]) * 2 / (period + 1)}. A NaN value makes the average NaN there and restarts it at the next
     * defined value, so the signal line of a MACD (an EMA of a series that is NaN until the slow EMA starts) starts
     * where the MACD does, or at {@code period} if that is later.
     */
    public static double[] ema(double[] values, int period) {
        requirePeriod(period);
        return exponential(values, period, 2.0 / (period + 1));
    }

    /**
     * Wilder's smoothing (ta4j's {@code MMAIndicator}), the average RSI and ATR use: as {@link #ema} with smoothing
     * {@code 1 / period}.
     */
    static double[] wilder(double[] values, int period) {
        requirePeriod(period);
        return exponential(values, period, 1.0 / period);
    }

    private static double[] exponential(double[] values, int period, double smoothing) {
        double[] out = new double[values.length];
        double previous = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            double value = values[i];
            if (i < period || Double.isNaN(value)) {
                previous = Double.NaN;
            } else if (Double.isNaN(previous)) {
                previous = value;
            } else {
                previous = previous + (value - previous) * smoothing;
            }
            out[i] = previous;
        }
        return out;
    }

    static void requirePeriod(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("An indicator covers at least one bar: " + period);
        }
    }
}
