package io.tickflow.analysis.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BandsTest {

    private static final double NaN = Double.NaN;

    @Test
    void standardDeviationDividesByTheWindowLength() {
        // {1, 2, 3}: squared deviations 1 + 0 + 1 over 3; {3, 4, 6}: 16/9 + 1/9 + 25/9 over 3; {4, 6, 8}: 4 + 0 + 4
        assertThat(Bands.standardDeviation(new double[] {1, 2, 3, 4, 6, 8}, 3))
                .usingComparatorWithPrecision(1e-12)
                .containsExactly(
                        NaN, NaN, Math.sqrt(2.0 / 3), Math.sqrt(2.0 / 3), Math.sqrt(14.0 / 9), Math.sqrt(8.0 / 3));
    }

    @Test
    void bandsLieKDeviationsAroundTheSimpleAverage() {
        double[] values = {1, 2, 3};
        double deviation = Math.sqrt(2.0 / 3);
        assertThat(Bands.bollingerUpper(values, 3, 2)[2]).isCloseTo(2 + 2 * deviation, within(1e-12));
        assertThat(Bands.bollingerLower(values, 3, 2)[2]).isCloseTo(2 - 2 * deviation, within(1e-12));
        assertThat(Bands.bollingerUpper(values, 3, 2)[1]).isNaN();
    }

    @Test
    void standardDeviationOfAConstantSeriesIsZero() {
        assertThat(Bands.standardDeviation(new double[] {7, 7, 7, 7, 7}, 2)).containsExactly(NaN, 0, 0, 0, 0);
    }

    @Test
    void standardDeviationKeepsItsDigitsAroundLargePricesOverLongSeries() {
        // Deviations of about 1 around 1e9: a plain sum of squares (1e18) would leave no correct digit.
        int n = 200_000;
        double[] prices = new double[n];
        for (int i = 0; i < n; i++) {
            prices[i] = 1e9 + i % 3 + i * 1e-3;
        }
        double[] deviation = Bands.standardDeviation(prices, 3);
        for (int i = 2; i < n; i++) {
            // any three consecutive values are {a, a + 1.001, a + 2.002} in some order of the offsets 0, 1, 2
            double mean = 0;
            for (int j = i - 2; j <= i; j++) {
                mean += prices[j] - 1e9;
            }
            mean /= 3;
            double squares = 0;
            for (int j = i - 2; j <= i; j++) {
                double d = prices[j] - 1e9 - mean;
                squares += d * d;
            }
            assertThat(deviation[i]).as("at %d", i).isCloseTo(Math.sqrt(squares / 3), within(1e-5));
        }
    }
}
