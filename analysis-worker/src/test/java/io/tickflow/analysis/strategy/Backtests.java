package io.tickflow.analysis.strategy;

import io.tickflow.analysis.engine.Bars;
import io.tickflow.analysis.engine.Parameter;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.engine.Strategy;
import io.tickflow.analysis.engine.indicator.Indicators;
import io.tickflow.common.contract.analysis.Direction;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Runs a strategy's positions over closes the tests choose. */
final class Backtests {

    private Backtests() {}

    /** Minute bars whose open, high, low and close are all {@code closes[i]}. */
    static Bars bars(double... closes) {
        int n = closes.length;
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = i * 60_000L;
        }
        return Bars.of(times, closes, closes, closes, closes, new double[n], 60_000);
    }

    static byte[] targets(Strategy strategy, Map<String, Double> parameters, Direction direction, double... closes) {
        return targets(strategy, ParameterSet.of(parameters), direction, closes);
    }

    static byte[] targets(Strategy strategy, ParameterSet parameters, Direction direction, double... closes) {
        byte[] targets = new byte[closes.length];
        strategy.positions(Indicators.of(bars(closes)), parameters, direction, targets);
        return targets;
    }

    /** The strategy's parameters at their defaults. */
    static ParameterSet defaults(Strategy strategy) {
        Map<String, Double> values = new TreeMap<>();
        for (Parameter parameter : strategy.parameters()) {
            values.put(parameter.name(), parameter.defaultValue());
        }
        return ParameterSet.of(values);
    }

    /** A random walk of {@code n} closes from 100, moving up to 1% a bar. */
    static double[] randomWalk(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] closes = new double[n];
        double price = 100;
        for (int i = 0; i < n; i++) {
            price *= 1 + random.nextDouble(-0.01, 0.01);
            closes[i] = price;
        }
        return closes;
    }
}
