package io.tickflow.analysis.strategy;

import io.tickflow.analysis.engine.Parameter;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.engine.Strategy;
import io.tickflow.analysis.engine.indicator.Indicators;
import io.tickflow.common.contract.analysis.Direction;
import java.util.List;

/**
 * {@code bollinger-breakout}: follows a close that breaks out of its Bollinger bands. At each close:
 *
 * <ul>
 *   <li>above the upper band: long;
 *   <li>below the lower band: short (flat when long-only);
 *   <li>otherwise a long is closed once the close is back below the middle band, and a short once it is back above it;
 *       else the position is held.
 * </ul>
 *
 * Flat until the bands are defined (bar {@code period - 1}).
 */
final class BollingerBreakout implements Strategy {

    static final String PERIOD = "period";
    static final String K = "k";

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.integer(PERIOD, "Bars in the moving average and standard deviation of the bands", 20, 2, 1000),
            Parameter.real(K, "Standard deviations between the middle band and the outer ones", 2.0, 0.5, 5));

    @Override
    public String name() {
        return "bollinger-breakout";
    }

    @Override
    public String description() {
        return "Long when the close breaks above the upper Bollinger band, short (or flat) below the lower one, out when"
                + " it crosses back over the middle";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public void positions(Indicators indicators, ParameterSet parameters, Direction direction, byte[] targets) {
        Targets.requireOnePerBar(indicators, targets);
        int period = parameters.intValue(PERIOD);
        double k = parameters.value(K);
        double[] close = indicators.bars().close();
        double[] upper = indicators.bollingerUpper(period, k);
        double[] middle = indicators.bollingerMiddle(period);
        double[] lower = indicators.bollingerLower(period, k);
        byte sell = Targets.shortOrFlat(direction);
        byte position = Targets.FLAT;
        for (int i = 0; i < targets.length; i++) {
            double price = close[i];
            if (price > upper[i]) {
                position = Targets.LONG;
            } else if (price < lower[i]) {
                position = sell;
            } else if ((position == Targets.LONG && price < middle[i])
                    || (position == Targets.SHORT && price > middle[i])) {
                position = Targets.FLAT;
            }
            // NaN bands (the warm-up) fail every comparison, so the position stays flat until they are defined.
            targets[i] = position;
        }
    }
}
