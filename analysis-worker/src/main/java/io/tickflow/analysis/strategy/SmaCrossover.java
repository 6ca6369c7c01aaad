package io.tickflow.analysis.strategy;

import io.tickflow.analysis.engine.indicator.Indicators;

/** {@code sma-crossover}: long while the fast simple moving average is above the slow one, short while below. */
final class SmaCrossover extends MovingAverageCrossover {

    SmaCrossover() {
        super("simple moving average");
    }

    @Override
    public String name() {
        return "sma-crossover";
    }

    @Override
    public String description() {
        return "Long while the fast simple moving average of closes is above the slow one, short (or flat) while below";
    }

    @Override
    double[] average(Indicators indicators, int period) {
        return indicators.sma(period);
    }
}
