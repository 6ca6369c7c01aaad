package io.tickflow.analysis.strategy;

import static io.tickflow.analysis.strategy.Backtests.targets;
import static io.tickflow.common.contract.analysis.Direction.LONG_ONLY;
import static io.tickflow.common.contract.analysis.Direction.LONG_SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tickflow.analysis.engine.ParameterSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmaCrossoverTest {

    private final EmaCrossover strategy = new EmaCrossover();

    // EMA(2), from bar 2, smoothing 2/3: 10, 10, 14, 7.33, 5.11
    // EMA(3), from bar 3, smoothing 1/2:     10, 13, 8.5, 6.25
    private static final double[] CLOSES = {10, 10, 10, 10, 16, 4, 4};
    private static final Map<String, Double> FAST_2_SLOW_3 = Map.of("fast", 2.0, "slow", 3.0);

    @Test
    void goesLongAboveTheSlowAverageAndShortBelowIt() {
        assertThat(targets(strategy, FAST_2_SLOW_3, LONG_SHORT, CLOSES)).containsExactly(0, 0, 0, 0, 1, -1, -1);
    }

    @Test
    void staysFlatInsteadOfShortWhenLongOnly() {
        assertThat(targets(strategy, FAST_2_SLOW_3, LONG_ONLY, CLOSES)).containsExactly(0, 0, 0, 0, 1, 0, 0);
    }

    @Test
    void rejectsAFastAverageThatIsNotShorterThanTheSlowOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> strategy.check(ParameterSet.of(Map.of("fast", 50.0, "slow", 20.0))))
                .withMessageStartingWith("fast (50) must be shorter than slow (20)");
    }
}
