package io.tickflow.analysis.overfitting;

import java.util.OptionalDouble;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The deflated Sharpe ratio of Bailey and López de Prado ("The Deflated Sharpe Ratio: Correcting for Selection Bias,
 * Backtest Overfitting and Non-Normality", Journal of Portfolio Management 40(5), 2014): the probability that the
 * chosen parameters' true Sharpe ratio exceeds the best one that the same number of worthless trials would be expected
 * to show by luck, allowing for the length of the track record and for skewed, fat-tailed returns.
 *
 * <p>All Sharpe ratios here are per bar, not annualised, and their variance across trials is in the same units.
 */
public final class DeflatedSharpe {

    /** The Euler–Mascheroni constant γ. */
    static final double EULER_MASCHERONI = 0.5772156649015329;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();

    private DeflatedSharpe() {}

    /**
     * The Sharpe ratio the best of {@code trials} independent trials without skill is expected to show: {@code SR0 =
     * sqrt(V) ((1 - γ) Φ⁻¹(1 - 1/N) + γ Φ⁻¹(1 - 1/(N e)))}, the paper's approximation of the expected maximum of
     * {@code N} normal Sharpe estimates with mean 0 and variance {@code V}. One trial involves no selection, and the
     * expected maximum of one estimate is its mean, 0.
     *
     * @param trials the number of trials, {@code N}, at least 1
     * @param trialSharpeVariance the variance of the trials' Sharpe ratios, {@code V}
     */
    public static double expectedMaximumSharpe(int trials, double trialSharpeVariance) {
        if (trials < 1) {
            throw new IllegalArgumentException("A study has at least one trial: " + trials);
        }
        if (!(trialSharpeVariance >= 0) || Double.isInfinite(trialSharpeVariance)) {
            throw new IllegalArgumentException(
                    "The variance of the trials' Sharpe ratios is finite and not negative: " + trialSharpeVariance);
        }
        if (trials == 1) {
            return 0;
        }
        double n = trials;
        return Math.sqrt(trialSharpeVariance)
                * ((1 - EULER_MASCHERONI) * STANDARD_NORMAL.inverseCumulativeProbability(1 - 1 / n)
                        + EULER_MASCHERONI * STANDARD_NORMAL.inverseCumulativeProbability(1 - 1 / (n * Math.E)));
    }

    /**
     * The probabilistic Sharpe ratio: the probability that the true Sharpe ratio exceeds {@code benchmarkSharpe},
     * {@code PSR = Φ((SR - SR*) sqrt(T - 1) / sqrt(1 - γ3 SR + (γ4 - 1) / 4 SR²))}.
     *
     * @param sharpe the observed Sharpe ratio per bar, {@code SR}
     * @param benchmarkSharpe the Sharpe ratio to beat, {@code SR*}
     * @param observations the number of returns behind {@code sharpe}, {@code T}, at least 2
     * @param skewness the returns' skewness, {@code γ3}
     * @param kurtosis the returns' kurtosis, not excess (3 for normal returns), {@code γ4}
     * @throws IllegalArgumentException if the moments are inconsistent enough to make the variance term negative,
     *     which the moments of any actual series cannot (see {@link ReturnMoments})
     */
    public static double probabilisticSharpe(
            double sharpe, double benchmarkSharpe, long observations, double skewness, double kurtosis) {
        if (observations < 2) {
            throw new IllegalArgumentException(
                    "A Sharpe ratio's confidence needs at least two returns: " + observations);
        }
        double varianceTerm = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (varianceTerm < 0) {
            throw new IllegalArgumentException("Skewness " + skewness + " and kurtosis " + kurtosis
                    + " cannot both belong to returns with Sharpe ratio " + sharpe);
        }
        double z = (sharpe - benchmarkSharpe) * Math.sqrt(observations - 1.0) / Math.sqrt(varianceTerm);
        return STANDARD_NORMAL.cumulativeProbability(z);
    }

    /**
     * The deflated Sharpe ratio: the probabilistic Sharpe ratio against the expected maximum Sharpe ratio of the
     * trials, {@code DSR = PSR(SR0)}.
     *
     * @param sharpe the chosen trial's Sharpe ratio per bar
     * @param observations the number of its returns, at least 2
     * @param skewness their skewness
     * @param kurtosis their kurtosis, not excess
     * @param trials how many trials the choice was made among, at least 1
     * @param trialSharpeVariance the variance of the trials' Sharpe ratios
     */
    public static double deflatedSharpe(
            double sharpe,
            long observations,
            double skewness,
            double kurtosis,
            int trials,
            double trialSharpeVariance) {
        return probabilisticSharpe(
                sharpe, expectedMaximumSharpe(trials, trialSharpeVariance), observations, skewness, kurtosis);
    }

    /**
     * The deflated Sharpe ratio of the chosen trial's returns among all trials.
     *
     * @param chosen the moments of the chosen trial's per-bar returns
     * @param trialSharpes every trial's per-bar Sharpe ratio, the chosen one included; their number is {@code N} and
     *     their sample variance {@code V} (0 for a single trial)
     * @return the ratio, or empty when the chosen returns do not vary and so have no Sharpe ratio
     * @throws IllegalArgumentException if there are no trials or a trial's Sharpe ratio is not finite
     */
    public static OptionalDouble of(ReturnMoments chosen, double[] trialSharpes) {
        if (trialSharpes.length == 0) {
            throw new IllegalArgumentException("A study has at least one trial");
        }
        double sum = 0;
        for (double sharpe : trialSharpes) {
            if (!Double.isFinite(sharpe)) {
                throw new IllegalArgumentException("Every trial's Sharpe ratio is a finite number: " + sharpe);
            }
            sum += sharpe;
        }
        double mean = sum / trialSharpes.length;
        double squares = 0;
        for (double sharpe : trialSharpes) {
            squares += (sharpe - mean) * (sharpe - mean);
        }
        double variance = trialSharpes.length == 1 ? 0 : squares / (trialSharpes.length - 1);
        if (!chosen.varies()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(deflatedSharpe(
                chosen.sharpe(), chosen.count(), chosen.skewness(), chosen.kurtosis(), trialSharpes.length, variance));
    }
}
