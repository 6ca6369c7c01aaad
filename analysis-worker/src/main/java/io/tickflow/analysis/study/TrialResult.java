package io.tickflow.analysis.study;

import io.tickflow.analysis.engine.ParameterSet;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one backtest of one parameter set gave.
 *
 * @param parameters the parameter set
 * @param value its objective value; NaN when it is infeasible
 * @param rejection why it is infeasible (invalid combination, a constraint not met), for a person; null when feasible
 * @param sharpe its Sharpe ratio per bar (not annualised), which the deflated Sharpe ratio compares across trials; NaN
 *     when it has none
 * @param trades how many trades it made
 * @param blockSums the sum of its bar returns in each of the study's equal blocks of the window, for the probability of
 *     backtest overfitting; empty when not asked for
 * @param blockSquares the sum of squared bar returns per block, alongside {@code blockSums}
 */
public record TrialResult(
        ParameterSet parameters,
        double value,
        @Nullable String rejection,
        double sharpe,
        int trades,
        double[] blockSums,
        double[] blockSquares) {

    public TrialResult {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(blockSums, "blockSums");
        Objects.requireNonNull(blockSquares, "blockSquares");
        if (blockSums.length != blockSquares.length) {
            throw new IllegalArgumentException("blockSums and blockSquares have one value per block each");
        }
        if (Double.isNaN(value) != (rejection != null)) {
            throw new IllegalArgumentException(
                    "A trial has a value or a rejection, not both: " + value + ", " + rejection);
        }
    }

    /** A parameter set that could not be backtested or did not meet the constraints. */
    static TrialResult rejected(ParameterSet parameters, String why, double sharpe, int trades) {
        return new TrialResult(parameters, Double.NaN, why, sharpe, trades, new double[0], new double[0]);
    }

    /** Whether the strategy refused the parameter combination itself (it was never backtested). */
    public boolean invalidParameters() {
        return rejection != null && Double.isNaN(sharpe) && trades == 0;
    }

    /** Whether it counts as a result. */
    public boolean feasible() {
        return rejection == null;
    }
}
