package io.tickflow.analysis.strategy;

import static io.tickflow.analysis.strategy.Backtests.targets;
import static io.tickflow.common.contract.analysis.Direction.LONG_ONLY;
import static io.tickflow.common.contract.analysis.Direction.LONG_SHORT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BollingerBreakoutTest {

    private final BollingerBreakout strategy = new BollingerBreakout();

    private static final Map<String, Double> PERIOD_3_K_1 = Map.of("period", 3.0, "k", 1.0);

    // bar  close  lower  middle  upper   (SMA(3) -/+ one population standard deviation)
    //  2    10    10     10      10      equal to the bands: flat
    //  3    13     9.59  11      12.41   above upper: long
    //  4    14    10.63  12.33   14.03   inside, above middle: hold long
    //  5    13    12.86  13.33   13.80   below middle: out
    //  6    12    12.18  13      13.82   below lower: short
    //  7     8     8.84  11      13.16   below lower: short
    //  8     7     6.84   9      11.16   inside, below middle: hold short
    //  9     8     7.20   7.67    8.14   above middle: out
    // 10     9     7.18   8       8.82   above upper: long
    // 11    10     8.18   9       9.82   above upper: long
    private static final double[] CLOSES = {10, 10, 10, 13, 14, 13, 12, 8, 7, 8, 9, 10};

    @Test
    void followsBreakoutsUntilTheCloseCrossesBackOverTheMiddle() {
        assertThat(targets(strategy, PERIOD_3_K_1, LONG_SHORT, CLOSES))
                .containsExactly(0, 0, 0, 1, 1, 0, -1, -1, -1, 0, 1, 1);
    }

    @Test
    void staysFlatBelowTheLowerBandWhenLongOnly() {
        assertThat(targets(strategy, PERIOD_3_K_1, LONG_ONLY, CLOSES))
                .containsExactly(0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1);
    }

    @Test
    void widerBandsTakeFewerBreakouts() {
        // with k = 1.5 the jump at bar 3 (1.41 deviations) stays inside the bands
        assertThat(targets(strategy, Map.of("period", 3.0, "k", 1.5), LONG_SHORT, CLOSES)[3])
                .isZero();
    }
}
