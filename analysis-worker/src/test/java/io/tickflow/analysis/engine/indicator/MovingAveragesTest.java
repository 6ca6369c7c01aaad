package io.tickflow.analysis.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MovingAveragesTest {

    private static final double NaN = Double.NaN;

    @Test
    void simpleAverageIsTheMeanOfEachFullWindow() {
        assertThat(MovingAverages.sma(new double[] {1, 2, 3, 4, 5, 9}, 3)).containsExactly(NaN, NaN, 2, 3, 4, 6);
    }

    @Test
    void simpleAverageOfOneBarIsTheValue() {
        assertThat(MovingAverages.sma(new double[] {3, 1, 4}, 1)).containsExactly(3, 1, 4);
    }

    @Test
    void simpleAverageLongerThanTheSeriesIsNaNEverywhere() {
        assertThat(MovingAverages.sma(new double[] {1, 2}, 3)).containsExactly(NaN, NaN);
    }

    @Test
    void simpleAverageStaysExactOverAMillionBarsOfLargePrices() {
        // Prices near 1e9 moving by cents: a running sum that only adds and subtracts would drift by whole cents.
        int n = 1_000_000;
        double[] prices = new double[n];
        for (int i = 0; i < n; i++) {
            prices[i] = 1e9 + (i % 7) * 0.01 + (i % 1000 == 0 ? 5e6 : 0);
        }
        int period = 50;
        double[] sma = MovingAverages.sma(prices, period);
        for (int i = period - 1; i < n; i += 997) {
            double sum = 0;
            for (int j = i - period + 1; j <= i; j++) {
                sum += prices[j] - 1e9;
            }
            assertThat(sma[i] - 1e9).as("at %d", i).isCloseTo(sum / period, within(1e-5));
        }
    }

    @Test
    void exponentialAverageStartsAtThePeriodWithThatValueThenSmoothsByTwoOverPeriodPlusOne() {
        // period 2: smoothing 2/3; seeded at index 2 with 30, then 30 + (60 - 30) * 2/3 = 50, 50 + (20 - 50) * 2/3 = 30
        assertThat(MovingAverages.ema(new double[] {10, 20, 30, 60, 20}, 2))
                .usingComparatorWithPrecision(1e-12)
                .containsExactly(NaN, NaN, 30, 50, 30);
    }

    @Test
    void exponentialAverageOfASeriesStartingWithNaNStartsAtItsFirstValue() {
        assertThat(MovingAverages.ema(new double[] {NaN, NaN, NaN, 4, 7}, 2))
                .usingComparatorWithPrecision(1e-12)
                .containsExactly(NaN, NaN, NaN, 4, 6);
    }

    @Test
    void wilderAverageSmoothsByOneOverPeriod() {
        // period 4: smoothing 1/4; seeded at index 4 with 8, then 8 + (0 - 8) / 4 = 6
        assertThat(MovingAverages.wilder(new double[] {1, 1, 1, 1, 8, 0}, 4)).containsExactly(NaN, NaN, NaN, NaN, 8, 6);
    }

    @Test
    void rejectsAPeriodBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> MovingAverages.sma(new double[] {1}, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> MovingAverages.ema(new double[] {1}, -1));
    }
}
