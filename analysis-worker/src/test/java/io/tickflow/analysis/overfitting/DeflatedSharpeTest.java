package io.tickflow.analysis.overfitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeflatedSharpeTest {

    // The paper's numerical example: the best of N = 100 trials has an annualised Sharpe ratio of 2.5 over
    // T = 1,250 daily returns (250 a year) with skewness -3 and kurtosis 10; the trials' annualised Sharpe ratios
    // have variance 1/2. Per day: SR = 2.5 / sqrt(250), V = 0.5 / 250.
    private static final double PAPER_SHARPE = 2.5 / Math.sqrt(250);
    private static final double PAPER_VARIANCE = 0.5 / 250;

    @Test
    void reproducesThePapersExpectedMaximumSharpe() {
        // Φ⁻¹(0.99) = 2.3263478740, Φ⁻¹(1 - 1/(100 e)) = 2.6802104450 (normal tables; SciPy gives the same);
        // sqrt(0.002) ((1 - γ) 2.3263478740 + γ 2.6802104450) = 0.1131720.
        double sr0 = DeflatedSharpe.expectedMaximumSharpe(100, PAPER_VARIANCE);

        assertThat(sr0).isCloseTo(0.1131720, within(1e-7));
        assertThat(Math.round(sr0 * 1e4) / 1e4).isEqualTo(0.1132);
    }

    @Test
    void reproducesThePapersDeflatedSharpeRatio() {
        // z = (0.1581139 - 0.1131720) sqrt(1249) / sqrt(1 + 3 * 0.1581139 + 9 / 4 * 0.1581139²) = 1.2838160;
        // Φ(1.2838160) = 0.9003968.
        double dsr = DeflatedSharpe.deflatedSharpe(PAPER_SHARPE, 1250, -3, 10, 100, PAPER_VARIANCE);

        assertThat(dsr).isCloseTo(0.9003968, within(1e-7));
        assertThat(Math.round(dsr * 1e4) / 1e4).isEqualTo(0.9004);
    }

    @Test
    void expectedMaximumSharpeApproximatesTheMaximumOfIndependentNormalEstimates() {
        // The same quantity by simulation: the largest of 100 standard normals is 2.5076 on average (by numerical
        // integration), estimated here from 20,000 draws (standard error 0.003); the paper's approximation, 2.5306,
        // is within about 1% of it.
        SplittableRandom random = new SplittableRandom(2014);
        double sum = 0;
        int draws = 20_000;
        for (int draw = 0; draw < draws; draw++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int trial = 0; trial < 100; trial++) {
                max = Math.max(max, random.nextGaussian());
            }
            sum += max;
        }

        assertThat(DeflatedSharpe.expectedMaximumSharpe(100, 1)).isCloseTo(sum / draws, within(0.02 * sum / draws));
        assertThat(DeflatedSharpe.expectedMaximumSharpe(100, 4))
                .isCloseTo(2 * DeflatedSharpe.expectedMaximumSharpe(100, 1), within(1e-12));
    }

    @Test
    void moreTrialsRaiseTheBar() {
        assertThat(DeflatedSharpe.expectedMaximumSharpe(1, 1)).isZero();
        assertThat(DeflatedSharpe.expectedMaximumSharpe(10, 1))
                .isLessThan(DeflatedSharpe.expectedMaximumSharpe(100, 1))
                .isLessThan(DeflatedSharpe.expectedMaximumSharpe(1000, 1));
    }

    @Test
    void probabilisticSharpeMatchesATabulatedNormalProbability() {
        // Skewness 0 and kurtosis 1 (a symmetric two-point distribution) make the variance term exactly 1, so
        // z = 0.098 * sqrt(400) = 1.96 and Φ(1.96) = 0.9750021 from normal tables.
        assertThat(DeflatedSharpe.probabilisticSharpe(0.098, 0, 401, 0, 1)).isCloseTo(0.9750021, within(1e-7));
        // Skewness -0.3, kurtosis 6: z = 0.1 * 20 / sqrt(1 + 0.03 + 5 / 4 * 0.01) = 1.9587...; Φ = 0.9749324 (SciPy).
        assertThat(DeflatedSharpe.probabilisticSharpe(0.1, 0, 401, -0.3, 6)).isCloseTo(0.9749324, within(1e-7));
        assertThat(DeflatedSharpe.probabilisticSharpe(0.2, 0.2, 50, 1, 5)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void negativeSkewAndFatTailsLowerTheConfidence() {
        double normal = DeflatedSharpe.probabilisticSharpe(0.1, 0, 401, 0, 3);

        assertThat(DeflatedSharpe.probabilisticSharpe(0.1, 0, 401, -2, 3)).isLessThan(normal);
        assertThat(DeflatedSharpe.probabilisticSharpe(0.1, 0, 401, 0, 12)).isLessThan(normal);
        assertThat(DeflatedSharpe.probabilisticSharpe(0.1, 0, 801, 0, 3)).isGreaterThan(normal);
    }

    @Test
    void deflatesTheChosenTrialAgainstTheSpreadOfAllTrials() {
        SplittableRandom random = new SplittableRandom(3);
        double[] returns = new double[2000];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = 0.002 + 0.02 * random.nextGaussian();
        }
        ReturnMoments chosen = ReturnMoments.of(returns, 0, returns.length);
        double[] trialSharpes = {chosen.sharpe(), 0.01, -0.02, 0.03};
        double mean = (chosen.sharpe() + 0.01 - 0.02 + 0.03) / 4;
        double variance = 0;
        for (double sharpe : trialSharpes) {
            variance += (sharpe - mean) * (sharpe - mean) / 3;
        }

        assertThat(DeflatedSharpe.of(chosen, trialSharpes))
                .hasValueCloseTo(
                        DeflatedSharpe.deflatedSharpe(
                                chosen.sharpe(), 2000, chosen.skewness(), chosen.kurtosis(), 4, variance),
                        within(1e-15));
        assertThat(DeflatedSharpe.of(chosen, new double[] {chosen.sharpe()}))
                .hasValueCloseTo(
                        DeflatedSharpe.probabilisticSharpe(
                                chosen.sharpe(), 0, 2000, chosen.skewness(), chosen.kurtosis()),
                        within(1e-15));
    }

    @Test
    void hasNoDeflatedSharpeForReturnsThatDoNotVary() {
        ReturnMoments flat = ReturnMoments.of(new double[] {0, 0, 0, 0}, 0, 4);

        assertThat(DeflatedSharpe.of(flat, new double[] {0, 0.1})).isEmpty();
    }

    @Test
    void rejectsImpossibleInputs() {
        assertThatThrownBy(() -> DeflatedSharpe.expectedMaximumSharpe(0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeflatedSharpe.expectedMaximumSharpe(10, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeflatedSharpe.probabilisticSharpe(0.1, 0, 1, 0, 3))
                .isInstanceOf(IllegalArgumentException.class);
        // Kurtosis below 1 + skewness² belongs to no distribution.
        assertThatThrownBy(() -> DeflatedSharpe.probabilisticSharpe(2, 0, 100, 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
