package io.tickflow.analysis.engine.indicator;

/** Momentum oscillators over primitive arrays: RSI and MACD. NaN where the oscillator is not defined yet. */
public final class Oscillators {

    private Oscillators() {}

    /**
     * The relative strength index of {@code values} over {@code period}, 0 to 100, as ta4j 0.22's {@code RSIIndicator}
     * computes it: the average gain and the average loss from one value to the next, each smoothed with Wilder's
     * average ({@link MovingAverages#wilder}, which starts at index {@code period} from that bar's gain and loss), and
     * {@code 100 - 100 / (1 + gain / loss)}. Where the average loss is zero it is 100, or 0 if the average gain is zero
     * too (ta4j's choice for a flat market). NaN for {@code i < period}.
     */
    public static double[] rsi(double[] values, int period) {
        MovingAverages.requirePeriod(period);
        int n = values.length;
        double[] gains = new double[n];
        double[] losses = new double[n];
        for (int i = 1; i < n; i++) {
            double change = values[i] - values[i - 1];
            gains[i] = change > 0 ? change : 0;
            losses[i] = change < 0 ? -change : 0;
        }
        double[] averageGain = MovingAverages.wilder(gains, period);
        double[] averageLoss = MovingAverages.wilder(losses, period);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double gain = averageGain[i];
            double loss = averageLoss[i];
            if (Double.isNaN(gain) || Double.isNaN(loss)) {
                out[i] = Double.NaN;
            } else if (loss == 0) {
                out[i] = gain == 0 ? 0 : 100;
            } else {
                out[i] = 100 - 100 / (1 + gain / loss);
            }
        }
        return out;
    }

    /**
     * The MACD line: {@code EMA(fast) - EMA(slow)} of {@code values} ({@link MovingAverages#ema}), NaN until both
     * averages are defined, that is for {@code i < slow}.
     *
     * @throws IllegalArgumentException unless {@code fast < slow}
     */
    public static double[] macd(double[] values, int fast, int slow) {
        requireFastBelowSlow(fast, slow);
        return difference(MovingAverages.ema(values, fast), MovingAverages.ema(values, slow));
    }

    /**
     * The MACD signal line: the EMA over {@code signal} bars of the {@link #macd MACD line}, as ta4j's {@code
     * MACDIndicator.getSignalLine} computes it. It starts at index {@code max(slow, signal)} equal to the MACD there.
     */
    public static double[] macdSignal(double[] values, int fast, int slow, int signal) {
        return MovingAverages.ema(macd(values, fast, slow), signal);
    }

    static double[] difference(double[] minuend, double[] subtrahend) {
        double[] out = new double[minuend.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = minuend[i] - subtrahend[i];
        }
        return out;
    }

    static void requireFastBelowSlow(int fast, int slow) {
        MovingAverages.requirePeriod(fast);
        if (fast >= slow) {
            throw new IllegalArgumentException(
                    "The fast average (" + fast + ") is shorter than the slow one (" + slow + ")");
        }
    }
}
