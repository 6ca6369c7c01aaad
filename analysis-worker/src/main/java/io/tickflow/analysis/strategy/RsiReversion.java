package io.tickflow.analysis.strategy;

import io.tickflow.analysis.engine.InvalidParametersException;
import io.tickflow.analysis.engine.Parameter;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.engine.Strategy;
import io.tickflow.analysis.engine.indicator.Indicators;
import io.tickflow.common.contract.analysis.Direction;
import java.util.List;

/**
 * {@code rsi-reversion}: bets that an overdone move reverts. At each close, with the RSI of closes:
 *
 * <ul>
 *   <li>below {@code oversold}: long;
 *   <li>above {@code overbought}: short (flat when long-only);
 *   <li>otherwise a long is closed once the RSI is back above 50, the middle it reverts to, and a short once it is back
 *       below 50; else the position is held.
 * </ul>
 *
 * Flat until the RSI is defined (bar {@code period}).
 */
final class RsiReversion implements Strategy {

    static final String PERIOD = "period";
    static final String OVERSOLD = "oversold";
    static final String OVERBOUGHT = "overbought";

    private static final double MIDDLE = 50;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.integer(PERIOD, "Bars in the relative strength index", 14, 2, 500),
            Parameter.real(OVERSOLD, "RSI below which the strategy buys", 30, 1, 50),
            Parameter.real(OVERBOUGHT, "RSI above which the strategy sells short", 70, 50, 99));

    @Override
    public String name() {
        return "rsi-reversion";
    }

    @Override
    public String description() {
        return "Long when the RSI falls below oversold, short (or flat) when it rises above overbought, out when it is"
                + " back past 50";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public void check(ParameterSet parameters) {
        double oversold = parameters.value(OVERSOLD);
        double overbought = parameters.value(OVERBOUGHT);
        if (oversold >= overbought) {
            throw new InvalidParametersException("oversold (" + oversold + ") must be below overbought (" + overbought
                    + "): the strategy buys below the one and sells above the other");
        }
    }

    @Override
    public void positions(Indicators indicators, ParameterSet parameters, Direction direction, byte[] targets) {
        Targets.requireOnePerBar(indicators, targets);
        double[] rsi = indicators.rsi(parameters.intValue(PERIOD));
        double oversold = parameters.value(OVERSOLD);
        double overbought = parameters.value(OVERBOUGHT);
        byte sell = Targets.shortOrFlat(direction);
        byte position = Targets.FLAT;
        for (int i = 0; i < targets.length; i++) {
            double value = rsi[i];
            if (value < oversold) {
                position = Targets.LONG;
            } else if (value > overbought) {
                position = sell;
            } else if ((position == Targets.LONG && value > MIDDLE) || (position == Targets.SHORT && value < MIDDLE)) {
                position = Targets.FLAT;
            }
            // NaN (the warm-up) fails every comparison, so the position stays flat until the RSI is defined.
            targets[i] = position;
        }
    }
}
