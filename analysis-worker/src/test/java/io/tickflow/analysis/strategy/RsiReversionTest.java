package io.tickflow.analysis.strategy;

import static io.tickflow.analysis.strategy.Backtests.targets;
import static io.tickflow.common.contract.analysis.Direction.LONG_ONLY;
import static io.tickflow.common.contract.analysis.Direction.LONG_SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tickflow.analysis.engine.ParameterSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RsiReversionTest {

    private final RsiReversion strategy = new RsiReversion();

    private static final Map<String, Double> PARAMETERS = Map.of("period", 2.0, "oversold", 30.0, "overbought", 70.0);

    // RSI(2), from bar 2: 0, 0, 33.3, 71.4, 89.5, 94.3, 33.3, 20.2
    private static final double[] DOWN_UP_DOWN = {100, 100, 90, 80, 85, 95, 110, 120, 100, 90};

    @Test
    void buysOversoldSellsOverboughtAndClosesTheShortBackBelowFifty() {
        // long at RSI 0, held at 33; short above 70; out at 33 (below 50); long again at 20
        assertThat(targets(strategy, PARAMETERS, LONG_SHORT, DOWN_UP_DOWN))
                .containsExactly(0, 0, 1, 1, 1, -1, -1, -1, 0, 1);
    }

    @Test
    void closesTheLongAboveOverboughtAndStaysFlatWhenLongOnly() {
        assertThat(targets(strategy, PARAMETERS, LONG_ONLY, DOWN_UP_DOWN))
                .containsExactly(0, 0, 1, 1, 1, 0, 0, 0, 0, 1);
    }

    @Test
    void closesTheLongOnceTheRsiIsBackAboveFifty() {
        // RSI(2): 0, 0, 33.3, 60, 60: out at 60, and flat while it stays between 50 and overbought
        assertThat(targets(strategy, PARAMETERS, LONG_SHORT, 100, 100, 90, 80, 85, 90, 90))
                .containsExactly(0, 0, 1, 1, 1, 0, 0);
    }

    @Test
    void rejectsOversoldNotBelowOverbought() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        strategy.check(ParameterSet.of(Map.of("period", 14.0, "oversold", 50.0, "overbought", 50.0))))
                .withMessageStartingWith("oversold (50.0) must be below overbought (50.0)");
        assertThatCode(() ->
                        strategy.check(ParameterSet.of(Map.of("period", 14.0, "oversold", 49.5, "overbought", 50.0))))
                .doesNotThrowAnyException();
    }
}
