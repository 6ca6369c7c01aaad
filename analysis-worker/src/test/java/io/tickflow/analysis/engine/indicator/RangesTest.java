package io.tickflow.analysis.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RangesTest {

    @Test
    void trueRangeReachesBackToAPreviousCloseOutsideTheBar() {
        double[] high = {11, 12, 25, 14};
        double[] low = {9, 10, 21, 13};
        double[] close = {10, 11, 24, 13.5};
        // bar 0: high - low; bar 1: within the previous close; bar 2 gaps up from 11; bar 3 gaps down from 24
        assertThat(Ranges.trueRange(high, low, close)).containsExactly(2, 2, 14, 11);
    }

    @Test
    void averageTrueRangeIsWildersAverageStartingAtThePeriod() {
        double[] high = {11, 12, 25, 14};
        double[] low = {9, 10, 21, 13};
        double[] close = {10, 11, 24, 13.5};
        // period 2: the true range 14 at index 2, then 14 + (11 - 14) / 2
        assertThat(Ranges.atr(high, low, close, 2)).containsExactly(Double.NaN, Double.NaN, 14, 12.5);
    }

    @Test
    void rejectsColumnsOfDifferentLengths() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Ranges.trueRange(new double[2], new double[3], new double[3]));
    }
}
