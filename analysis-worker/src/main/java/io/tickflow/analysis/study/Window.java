package io.tickflow.analysis.study;

/**
 * A range of bar indices a backtest runs over, {@code from} inclusive, {@code to} exclusive: the whole period, or one
 * walk-forward fold's in-sample or out-of-sample part.
 */
public record Window(int from, int to) {

    public Window {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("A window holds at least one bar: [" + from + ", " + to + ")");
        }
    }

    /** How many bars it holds. */
    public int bars() {
        return to - from;
    }
}
