package io.tickflow.analysis.strategy;

import static io.tickflow.analysis.strategy.Backtests.defaults;
import static io.tickflow.analysis.strategy.Backtests.randomWalk;
import static io.tickflow.analysis.strategy.Backtests.targets;
import static io.tickflow.common.contract.analysis.Direction.LONG_ONLY;
import static io.tickflow.common.contract.analysis.Direction.LONG_SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.tickflow.analysis.engine.Parameter;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.engine.Strategy;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StrategiesTest {

    static List<Strategy> strategies() {
        return Strategies.all();
    }

    @Test
    void listsTheFiveStrategiesByTheirRequestNames() {
        assertThat(Strategies.all())
                .extracting(Strategy::name)
                .containsExactly("sma-crossover", "ema-crossover", "rsi-reversion", "macd-cross", "bollinger-breakout");
        for (Strategy strategy : Strategies.all()) {
            assertThat(Strategies.byName(strategy.name())).containsSame(strategy);
        }
    }

    @Test
    void findsNoStrategyUnderAnUnknownName() {
        assertThat(Strategies.byName("turtle")).isEmpty();
        assertThat(Strategies.byName("SMA-CROSSOVER")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void acceptsItsOwnDefaults(Strategy strategy) {
        ParameterSet defaults = defaults(strategy);
        for (Parameter parameter : strategy.parameters()) {
            assertThatCode(() -> parameter.check(defaults.value(parameter.name())))
                    .doesNotThrowAnyException();
        }
        assertThatCode(() -> strategy.check(defaults)).doesNotThrowAnyException();
        assertThat(strategy.name()).matches("[a-z]+(-[a-z]+)*");
        assertThat(strategy.description()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void decidesEachBarFromPricesUpToThatBarOnly(Strategy strategy) {
        double[] closes = randomWalk(7, 3000);
        byte[] targets = targets(strategy, defaults(strategy), LONG_SHORT, closes);
        boolean anyLaterTargetChanged = false;
        for (int cut : new int[] {0, 40, 500, 1777, 2998}) {
            double[] rewritten = closes.clone();
            double[] otherFuture = randomWalk(cut + 1, closes.length);
            for (int i = cut + 1; i < closes.length; i++) {
                rewritten[i] = otherFuture[i] * closes[cut] / otherFuture[cut];
            }
            byte[] changed = targets(strategy, defaults(strategy), LONG_SHORT, rewritten);
            assertThat(Arrays.copyOf(changed, cut + 1))
                    .as("targets up to bar %d after changing later prices", cut)
                    .isEqualTo(Arrays.copyOf(targets, cut + 1));
            anyLaterTargetChanged |= !Arrays.equals(changed, targets);
        }
        assertThat(anyLaterTargetChanged).as("the later prices matter at all").isTrue();
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void longOnlyIsLongShortWithShortsFlat(Strategy strategy) {
        double[] closes = randomWalk(11, 3000);
        byte[] longShort = targets(strategy, defaults(strategy), LONG_SHORT, closes);
        byte[] longOnly = targets(strategy, defaults(strategy), LONG_ONLY, closes);
        assertThat(longShort).contains(1, -1);
        for (int i = 0; i < closes.length; i++) {
            assertThat(longOnly[i]).as("bar %d", i).isEqualTo((byte) Math.max(longShort[i], 0));
        }
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void isFlatWhileItsIndicatorsWarmUp(Strategy strategy) {
        byte[] targets = targets(strategy, defaults(strategy), LONG_SHORT, randomWalk(3, 3000));
        // the first bar at which each strategy, with its defaults, has the indicators it compares
        assertThat(targets[0]).isZero();
        int firstPosition = 0;
        while (targets[firstPosition] == 0) {
            firstPosition++;
        }
        int warmUp =
                switch (strategy.name()) {
                    case "sma-crossover" -> 29;
                    case "ema-crossover" -> 30;
                    case "rsi-reversion" -> 14;
                    case "macd-cross" -> 27; // the signal line equals the MACD at bar 26, where it starts
                    case "bollinger-breakout" -> 19;
                    default -> throw new AssertionError(strategy.name());
                };
        assertThat(firstPosition).isGreaterThanOrEqualTo(warmUp);
    }
}
