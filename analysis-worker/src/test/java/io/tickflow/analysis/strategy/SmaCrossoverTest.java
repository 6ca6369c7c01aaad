package io.tickflow.analysis.strategy;

import static io.tickflow.analysis.strategy.Backtests.targets;
import static io.tickflow.common.contract.analysis.Direction.LONG_ONLY;
import static io.tickflow.common.contract.analysis.Direction.LONG_SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tickflow.analysis.engine.InvalidParametersException;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.engine.indicator.Indicators;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmaCrossoverTest {

    private final SmaCrossover strategy = new SmaCrossover();

    // SMA(2): -, 10, 10, 11.5, 14.5, 13, 7, 4
    // SMA(3): -, -, 10, 11, 13, 13, 10, 6
    private static final double[] CLOSES = {10, 10, 10, 13, 16, 10, 4, 4};
    private static final Map<String, Double> FAST_2_SLOW_3 = Map.of("fast", 2.0, "slow", 3.0);

    @Test
    void goesLongAboveTheSlowAverageAndShortBelowIt() {
        // flat while the slow average warms up and where the two are equal (bars 2 and 5)
        assertThat(targets(strategy, FAST_2_SLOW_3, LONG_SHORT, CLOSES)).containsExactly(0, 0, 0, 1, 1, 0, -1, -1);
    }

    @Test
    void staysFlatInsteadOfShortWhenLongOnly() {
        assertThat(targets(strategy, FAST_2_SLOW_3, LONG_ONLY, CLOSES)).containsExactly(0, 0, 0, 1, 1, 0, 0, 0);
    }

    @Test
    void isFlatEverywhereWhenTheSeriesIsShorterThanTheSlowAverage() {
        assertThat(targets(strategy, Map.of("fast", 2.0, "slow", 30.0), LONG_SHORT, CLOSES))
                .containsOnly(0);
    }

    @Test
    void rejectsAFastAverageThatIsNotShorterThanTheSlowOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> strategy.check(ParameterSet.of(Map.of("fast", 20.0, "slow", 10.0))))
                .isInstanceOf(InvalidParametersException.class)
                .withMessageStartingWith("fast (20) must be shorter than slow (10)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> strategy.check(ParameterSet.of(Map.of("fast", 15.0, "slow", 15.0))));
        assertThatCode(() -> strategy.check(ParameterSet.of(Map.of("fast", 14.0, "slow", 15.0))))
                .doesNotThrowAnyException();
    }

    @Test
    void declaresFastAndSlowWithTheirDefaults() {
        assertThat(strategy.parameters())
                .extracting(
                        p -> p.name() + "=" + (int) p.defaultValue() + " in " + (int) p.min() + ".." + (int) p.max())
                .containsExactly("fast=10 in 2..1000", "slow=30 in 3..5000");
        assertThat(strategy.parameters()).allMatch(p -> p.integral());
    }

    @Test
    void rejectsATargetArrayOfAnotherLength() {
        Indicators indicators = Indicators.of(Backtests.bars(CLOSES));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> strategy.positions(
                        indicators, ParameterSet.of(FAST_2_SLOW_3), LONG_SHORT, new byte[CLOSES.length - 1]));
    }
}
