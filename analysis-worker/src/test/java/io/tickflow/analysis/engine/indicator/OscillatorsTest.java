package io.tickflow.analysis.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class OscillatorsTest {

    private static final double NaN = Double.NaN;

    @Test
    void rsiComparesWilderAveragesOfGainsAndLosses() {
        // changes +1 +2 -1 0; period 2 (smoothing 1/2) starts at index 2:
        // gains 2, 1, 0.5 and losses 0, 0.5, 0.25: RSI 100 (no loss), 100 - 100 / (1 + 2) twice
        assertThat(Oscillators.rsi(new double[] {10, 11, 13, 12, 12}, 2))
                .usingComparatorWithPrecision(1e-12)
                .containsExactly(NaN, NaN, 100, 200.0 / 3, 200.0 / 3);
    }

    @Test
    void rsiOfAFlatMarketIsZeroAsInTa4j() {
        assertThat(Oscillators.rsi(new double[] {5, 5, 5, 5}, 2)).containsExactly(NaN, NaN, 0, 0);
    }

    @Test
    void rsiOfAFallingMarketIsZero() {
        assertThat(Oscillators.rsi(new double[] {9, 8, 7, 6}, 2)).containsExactly(NaN, NaN, 0, 0);
    }

    @Test
    void macdIsTheFastAverageMinusTheSlowOneAndItsSignalStartsWhereItDoes() {
        double[] values = {1, 2, 4, 8, 16};
        // EMA(1) is the value from index 1; EMA(2) is 4, 4 + 4 * 2/3, then + (16 - 20/3) * 2/3 from index 2
        double slowAt3 = 4 + (8 - 4) * 2.0 / 3;
        double slowAt4 = slowAt3 + (16 - slowAt3) * 2.0 / 3;
        assertThat(Oscillators.macd(values, 1, 2))
                .usingComparatorWithPrecision(1e-12)
                .containsExactly(NaN, NaN, 0, 8 - slowAt3, 16 - slowAt4);
        // signal over 2 bars: seeded with the MACD at index max(slow, signal) = 2, then smoothed by 2/3
        double signalAt3 = 0 + (8 - slowAt3) * 2.0 / 3;
        double signalAt4 = signalAt3 + (16 - slowAt4 - signalAt3) * 2.0 / 3;
        assertThat(Oscillators.macdSignal(values, 1, 2, 2))
                .usingComparatorWithPrecision(1e-12)
                .containsExactly(NaN, NaN, 0, signalAt3, signalAt4);
    }

    @Test
    void macdSignalLongerThanTheSlowAverageStartsAtTheSignalPeriod() {
        double[] signal = Oscillators.macdSignal(new double[] {1, 2, 4, 8, 16, 32}, 1, 2, 4);
        assertThat(signal[3]).isNaN();
        assertThat(signal[4]).isFinite();
    }

    @Test
    void macdRejectsAFastAverageThatIsNotShorter() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Oscillators.macd(new double[] {1, 2, 3}, 26, 12))
                .withMessageContaining("26");
        assertThatIllegalArgumentException().isThrownBy(() -> Oscillators.macd(new double[] {1, 2, 3}, 5, 5));
    }
}
