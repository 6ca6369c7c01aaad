package io.tickflow.analysis.strategy;

import io.tickflow.analysis.engine.InvalidParametersException;
import io.tickflow.analysis.engine.Parameter;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.engine.Strategy;
import io.tickflow.analysis.engine.indicator.Indicators;
import io.tickflow.common.contract.analysis.Direction;
import java.util.List;

/**
 * Long while a fast moving average of closes is above a slow one, short (or flat when long-only) while it is below. The
 * subclasses choose the average.
 */
abstract sealed class MovingAverageCrossover implements Strategy permits SmaCrossover, EmaCrossover {

    static final String FAST = "fast";
    static final String SLOW = "slow";

    private final List<Parameter> parameters;

    MovingAverageCrossover(String average) {
        this.parameters = List.of(
                Parameter.integer(FAST, "Bars in the fast " + average + ", which follows the price", 10, 2, 1000),
                Parameter.integer(SLOW, "Bars in the slow " + average + ", which follows the trend", 30, 3, 5000));
    }

    /** The moving average of closes over {@code period} bars. */
    abstract double[] average(Indicators indicators, int period);

    @Override
    public final List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public final void check(ParameterSet parameters) {
        requireShorter(FAST, parameters.intValue(FAST), SLOW, parameters.intValue(SLOW));
    }

    @Override
    public final void positions(Indicators indicators, ParameterSet parameters, Direction direction, byte[] targets) {
        Targets.requireOnePerBar(indicators, targets);
        double[] fast = average(indicators, parameters.intValue(FAST));
        double[] slow = average(indicators, parameters.intValue(SLOW));
        Targets.followCrossing(fast, slow, direction, targets);
    }

    /** Checks that the fast period is shorter than the slow one, in a sentence naming both. */
    static void requireShorter(String fastName, int fast, String slowName, int slow) {
        if (fast >= slow) {
            throw new InvalidParametersException(fastName + " (" + fast + ") must be shorter than " + slowName + " ("
                    + slow + "): the crossing compares a fast average with a slower one");
        }
    }
}
