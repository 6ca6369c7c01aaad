package io.tickflow.analysis.strategy;

import io.tickflow.analysis.engine.indicator.Indicators;

/** {@code ema-crossover}: long while the fast exponential moving average is above the slow one, short while below. */
final class EmaCrossover extends MovingAverageCrossover {

    EmaCrossover() {
        super("exponential moving average");
    }

    @Override
    public String name() {
        return "ema-crossover";
    }

    @Override
    public String description() {
        return "Long while the fast exponential moving average of closes is above the slow one, short (or flat) while"
                + " below";
    }

    @Override
    double[] average(Indicators indicators, int period) {
        return indicators.ema(period);
    }
}
