package io.tickflow.analysis.strategy;

import io.tickflow.analysis.engine.indicator.Indicators;
import io.tickflow.common.contract.analysis.Direction;

/** How strategies write target positions: the rules several of them share. */
final class Targets {

    static final byte LONG = 1;
    static final byte FLAT = 0;
    static final byte SHORT = -1;

    private Targets() {}

    /** The position a short signal becomes: short, or flat where the direction is long-only. */
    static byte shortOrFlat(Direction direction) {
        return direction == Direction.LONG_SHORT ? SHORT : FLAT;
    }

    static void requireOnePerBar(Indicators indicators, byte[] targets) {
        if (targets.length != indicators.bars().size()) {
            throw new IllegalArgumentException("One target per bar: " + targets.length + " targets for "
                    + indicators.bars().size() + " bars");
        }
    }

    /**
     * Long while {@code line} is above {@code reference}, short (or flat) while below, flat where they are equal or
     * either is not defined yet (NaN compares false both ways, so the warm-up is flat without a separate check).
     */
    static void followCrossing(double[] line, double[] reference, Direction direction, byte[] targets) {
        byte below = shortOrFlat(direction);
        for (int i = 0; i < targets.length; i++) {
            double a = line[i];
            double b = reference[i];
            targets[i] = a > b ? LONG : a < b ? below : FLAT;
        }
    }
}
