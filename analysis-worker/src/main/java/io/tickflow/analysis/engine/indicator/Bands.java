package io.tickflow.analysis.engine.indicator;

/**
 * Bollinger bands over primitive arrays: the simple moving average plus and minus {@code k} population standard
 * deviations over the same window, as ta4j 0.22's {@code BollingerBandsUpperIndicator} and {@code
 * BollingerBandsLowerIndicator} over a {@code StandardDeviationIndicator} compute them. NaN before the first full
 * window.
 */
public final class Bands {

    private Bands() {}

    /**
     * The population standard deviation of {@code values[i - period + 1 .. i]} (dividing by {@code period}, as ta4j's
     * {@code VarianceIndicator} does), NaN for {@code i < period - 1}.
     *
     * <p>O(n): the sums of the window slide with each bar. They are sums of deviations from a reference near the window
     * mean, which keeps the difference {@code sum of squares - square of sum} from cancelling away the digits of a small
     * deviation around a large price, and they are recomputed exactly with a new reference every {@code period} bars so
     * that rounding errors do not accumulate.
     */
    public static double[] standardDeviation(double[] values, int period) {
        MovingAverages.requirePeriod(period);
        int n = values.length;
        double[] out = new double[n];
        double reference = 0;
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < n; i++) {
            if (i < period - 1) {
                out[i] = Double.NaN;
                continue;
            }
            int first = i - period + 1;
            if ((i - (period - 1)) % period == 0) {
                double windowSum = 0;
                for (int j = first; j <= i; j++) {
                    windowSum += values[j];
                }
                reference = windowSum / period;
                sum = 0;
                sumOfSquares = 0;
                for (int j = first; j <= i; j++) {
                    double deviation = values[j] - reference;
                    sum += deviation;
                    sumOfSquares += deviation * deviation;
                }
            } else {
                double added = values[i] - reference;
                double removed = values[first - 1] - reference;
                sum += added - removed;
                sumOfSquares += added * added - removed * removed;
            }
            double variance = (sumOfSquares - sum * sum / period) / period;
            out[i] = Math.sqrt(Math.max(variance, 0));
        }
        return out;
    }

    /** The upper Bollinger band: {@code SMA(period) + k * standardDeviation(period)}. */
    public static double[] bollingerUpper(double[] values, int period, double k) {
        return offset(MovingAverages.sma(values, period), standardDeviation(values, period), k);
    }

    /** The lower Bollinger band: {@code SMA(period) - k * standardDeviation(period)}. */
    public static double[] bollingerLower(double[] values, int period, double k) {
        return offset(MovingAverages.sma(values, period), standardDeviation(values, period), -k);
    }

    /** {@code middle + deviation * k}, element by element. */
    static double[] offset(double[] middle, double[] deviation, double k) {
        double[] out = new double[middle.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = middle[i] + deviation[i] * k;
        }
        return out;
    }
}
