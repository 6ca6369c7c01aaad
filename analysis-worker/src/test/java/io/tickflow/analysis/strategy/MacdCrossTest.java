package io.tickflow.analysis.strategy;

import static io.tickflow.analysis.strategy.Backtests.targets;
import static io.tickflow.common.contract.analysis.Direction.LONG_ONLY;
import static io.tickflow.common.contract.analysis.Direction.LONG_SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tickflow.analysis.engine.ParameterSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MacdCrossTest {

    private final MacdCross strategy = new MacdCross();

    // EMA(2) - EMA(3), from bar 3:           0, 1, 0.833, -1.472, -1.366
    // its EMA(2), seeded at bar 3, by 2/3:   0, 0.667, 0.778, -0.722, -1.151
    private static final double[] CLOSES = {10, 10, 10, 10, 16, 16, 4, 4};
    private static final Map<String, Double> PARAMETERS = Map.of("fast", 2.0, "slow", 3.0, "signal", 2.0);

    @Test
    void goesLongAboveTheSignalLineAndShortBelowIt() {
        // flat until bar 3, where the signal line starts equal to the MACD
        assertThat(targets(strategy, PARAMETERS, LONG_SHORT, CLOSES)).containsExactly(0, 0, 0, 0, 1, 1, -1, -1);
    }

    @Test
    void staysFlatInsteadOfShortWhenLongOnly() {
        assertThat(targets(strategy, PARAMETERS, LONG_ONLY, CLOSES)).containsExactly(0, 0, 0, 0, 1, 1, 0, 0);
    }

    @Test
    void rejectsAFastAverageThatIsNotShorterThanTheSlowOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> strategy.check(ParameterSet.of(Map.of("fast", 26.0, "slow", 12.0, "signal", 9.0))))
                .withMessageStartingWith("fast (26) must be shorter than slow (12)");
    }

    @Test
    void defaultsToTwelveTwentySixNine() {
        assertThat(strategy.parameters())
                .extracting(p -> p.name() + "=" + (int) p.defaultValue())
                .containsExactly("fast=12", "slow=26", "signal=9");
    }
}
