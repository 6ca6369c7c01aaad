package io.tickflow.analysis.strategy;

import io.tickflow.analysis.engine.Parameter;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.engine.Strategy;
import io.tickflow.analysis.engine.indicator.Indicators;
import io.tickflow.common.contract.analysis.Direction;
import java.util.List;

/**
 * {@code macd-cross}: long while the MACD line (fast EMA minus slow EMA of closes) is above its signal line, short (or
 * flat when long-only) while below. Flat until the signal line starts, at bar {@code max(slow, signal)}, where it
 * equals the MACD.
 */
final class MacdCross implements Strategy {

    static final String FAST = "fast";
    static final String SLOW = "slow";
    static final String SIGNAL = "signal";

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.integer(FAST, "Bars in the fast exponential moving average", 12, 2, 500),
            Parameter.integer(SLOW, "Bars in the slow exponential moving average", 26, 3, 1000),
            Parameter.integer(
                    SIGNAL, "Bars in the exponential moving average of the MACD, the signal line", 9, 2, 500));

    @Override
    public String name() {
        return "macd-cross";
    }

    @Override
    public String description() {
        return "Long while the MACD line is above its signal line, short (or flat) while below";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public void check(ParameterSet parameters) {
        MovingAverageCrossover.requireShorter(FAST, parameters.intValue(FAST), SLOW, parameters.intValue(SLOW));
    }

    @Override
    public void positions(Indicators indicators, ParameterSet parameters, Direction direction, byte[] targets) {
        Targets.requireOnePerBar(indicators, targets);
        int fast = parameters.intValue(FAST);
        int slow = parameters.intValue(SLOW);
        double[] macd = indicators.macd(fast, slow);
        double[] signal = indicators.macdSignal(fast, slow, parameters.intValue(SIGNAL));
        Targets.followCrossing(macd, signal, direction, targets);
    }
}
