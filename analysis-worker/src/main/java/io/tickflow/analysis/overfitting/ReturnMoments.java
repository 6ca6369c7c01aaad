package io.tickflow.analysis.overfitting;

import java.util.Objects;

/**
 * The first four moments of a window of per-bar returns, as the deflated Sharpe ratio reads them.
 *
 * <p>Estimators: the mean is the arithmetic mean; the standard deviation is the sample one (divided by {@code n - 1});
 * skewness and kurtosis are the plain standardised central moments {@code m3 / m2^(3/2)} and {@code m4 / m2^2} with
 * {@code mk = sum((x - mean)^k) / n}, so kurtosis is not excess (3 for normal returns) and neither is corrected for
 * bias. Bailey and López de Prado's formula wants exactly these, and because they are the moments of the window's own
 * empirical distribution they satisfy {@code kurtosis >= 1 + skewness^2}, which keeps the variance term of the
 * probabilistic Sharpe ratio from going negative. (Hipparchus' {@code Skewness} and {@code Kurtosis} are the
 * bias-corrected sample estimators, the latter in excess form, and are therefore not used.)
 *
 * @param count the number of returns, at least 2
 * @param mean their mean
 * @param standardDeviation their sample standard deviation
 * @param skewness their skewness; NaN when the returns do not vary
 * @param kurtosis their kurtosis, not excess; NaN when the returns do not vary
 */
public record ReturnMoments(int count, double mean, double standardDeviation, double skewness, double kurtosis) {

    /**
     * The moments of {@code returns[from..to)}, computed in two passes (the mean first, then the central sums) so that
     * a mean far from zero does not cancel the variance away.
     *
     * @throws IllegalArgumentException if the window holds fewer than two returns or a return that is not finite
     */
    public static ReturnMoments of(double[] returns, int from, int to) {
        Objects.checkFromToIndex(from, to, returns.length);
        int n = to - from;
        if (n < 2) {
            throw new IllegalArgumentException("Moments of returns need at least two of them: " + n);
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(returns[i])) {
                throw new IllegalArgumentException("The return at bar " + i + " is not a finite number: " + returns[i]);
            }
            sum += returns[i];
        }
        double mean = sum / n;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        for (int i = from; i < to; i++) {
            double d = returns[i] - mean;
            double d2 = d * d;
            s2 += d2;
            s3 += d2 * d;
            s4 += d2 * d2;
        }
        double m2 = s2 / n;
        double skewness = m2 > 0 ? s3 / n / Math.pow(m2, 1.5) : Double.NaN;
        double kurtosis = m2 > 0 ? s4 / n / (m2 * m2) : Double.NaN;
        return new ReturnMoments(n, mean, Math.sqrt(s2 / (n - 1)), skewness, kurtosis);
    }

    /** The Sharpe ratio per bar, not annualised: the mean over the sample standard deviation. */
    public double sharpe() {
        return mean / standardDeviation;
    }

    /** Whether the returns vary at all; without variation the Sharpe ratio and the shape moments are undefined. */
    public boolean varies() {
        return standardDeviation > 0;
    }
}
