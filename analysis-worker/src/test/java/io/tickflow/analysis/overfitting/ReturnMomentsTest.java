package io.tickflow.analysis.overfitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.hipparchus.stat.descriptive.moment.Kurtosis;
import org.hipparchus.stat.descriptive.moment.Skewness;
import org.junit.jupiter.api.Test;

class ReturnMomentsTest {

    @Test
    void matchesHandComputedMomentsOfAWindow() {
        // Window {0, 0, 0, 4}: mean 1, deviations -1, -1, -1, 3; sum of squares 12, so the sample standard deviation
        // is sqrt(12 / 3) = 2; m2 = 12 / 4 = 3, m3 = (-3 + 27) / 4 = 6, m4 = (3 + 81) / 4 = 21;
        // skewness 6 / 3^1.5 = 2 / sqrt(3), kurtosis 21 / 9 = 7 / 3.
        ReturnMoments moments = ReturnMoments.of(new double[] {9, 0, 0, 0, 4, -9}, 1, 5);

        assertThat(moments.count()).isEqualTo(4);
        assertThat(moments.mean()).isCloseTo(1, within(1e-15));
        assertThat(moments.standardDeviation()).isCloseTo(2, within(1e-15));
        assertThat(moments.skewness()).isCloseTo(2 / Math.sqrt(3), within(1e-15));
        assertThat(moments.kurtosis()).isCloseTo(7.0 / 3, within(1e-15));
        assertThat(moments.sharpe()).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void agreesWithHipparchusBiasCorrectedEstimatorsOnceConverted() {
        SplittableRandom random = new SplittableRandom(7);
        double[] returns = new double[500];
        for (int i = 0; i < returns.length; i++) {
            double draw = random.nextGaussian();
            returns[i] = 0.001 + 0.01 * draw * (draw > 0 ? 1 : 2); // skewed to the left, fat-tailed
        }
        ReturnMoments moments = ReturnMoments.of(returns, 0, returns.length);
        double n = returns.length;
        // Hipparchus: G1 = g1 sqrt(n (n - 1)) / (n - 2);
        // G2 = (n + 1) (n - 1) / ((n - 2) (n - 3)) (b2 - 3) + 6 (n - 1) / ((n - 2) (n - 3)).
        double g1 = new Skewness().evaluate(returns) * (n - 2) / Math.sqrt(n * (n - 1));
        double b2 = (new Kurtosis().evaluate(returns) - 6 * (n - 1) / ((n - 2) * (n - 3)))
                        * (n - 2)
                        * (n - 3)
                        / ((n + 1) * (n - 1))
                + 3;

        assertThat(moments.skewness()).isNegative().isCloseTo(g1, within(1e-9));
        assertThat(moments.kurtosis()).isGreaterThan(3).isCloseTo(b2, within(1e-9));
    }

    @Test
    void normalReturnsHaveNoSkewAndAKurtosisOfThree() {
        SplittableRandom random = new SplittableRandom(11);
        double[] returns = new double[200_000];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = 1e-4 + 0.02 * random.nextGaussian();
        }
        ReturnMoments moments = ReturnMoments.of(returns, 0, returns.length);

        assertThat(moments.skewness()).isCloseTo(0, within(0.03));
        assertThat(moments.kurtosis()).isCloseTo(3, within(0.05));
        assertThat(moments.standardDeviation()).isCloseTo(0.02, within(2e-4));
    }

    @Test
    void returnsThatDoNotVaryHaveNoShape() {
        ReturnMoments moments = ReturnMoments.of(new double[] {0.5, 0.5, 0.5}, 0, 3);

        assertThat(moments.varies()).isFalse();
        assertThat(moments.skewness()).isNaN();
        assertThat(moments.kurtosis()).isNaN();
    }

    @Test
    void needsTwoFiniteReturns() {
        assertThatThrownBy(() -> ReturnMoments.of(new double[] {1, 2}, 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReturnMoments.of(new double[] {1, Double.NaN, 2}, 0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bar 1");
    }
}
