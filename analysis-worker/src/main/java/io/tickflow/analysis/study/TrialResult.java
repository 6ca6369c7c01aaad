package io.tickflow.analysis.study;

import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.overfitting.ReturnBlocks;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one backtest of one parameter set gave.
 *
 * @param parameters the parameter set
 * @param value its objective value; NaN when it is infeasible
 * @param rejection why it is infeasible (invalid combination, a constraint not met); null when feasible
 * @param sharpe its Sharpe ratio per bar (not annualised), which the deflated Sharpe ratio compares across trials; NaN
 *     when it has none
 * @param trades how many trades it made
 * @param blocks the moments of its bar returns in each block of the window, for the probability of backtest
 *     overfitting; null when not asked for or infeasible
 */
public record TrialResult(
        ParameterSet parameters,
        double value,
        @Nullable Rejection rejection,
        double sharpe,
        int trades,
        @Nullable ReturnBlocks blocks) {

    public TrialResult {
        Objects.requireNonNull(parameters, "parameters");
        if (Double.isNaN(value) != (rejection != null)) {
            throw new IllegalArgumentException(
                    "A trial has a value or a rejection, not both: " + value + ", " + rejection);
        }
    }

    /** A parameter set that could not be backtested or did not meet the constraints. */
    static TrialResult rejected(ParameterSet parameters, Rejection why, double sharpe, int trades) {
        return new TrialResult(parameters, Double.NaN, why, sharpe, trades, null);
    }

    /** Whether the strategy refused the parameter combination itself (it was never backtested). */
    public boolean invalidParameters() {
        return rejection != null && rejection.kind() == Rejection.Kind.INVALID_PARAMETERS;
    }

    /** Whether it counts as a result. */
    public boolean feasible() {
        return rejection == null;
    }
}
