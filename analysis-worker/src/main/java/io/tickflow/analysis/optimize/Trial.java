package io.tickflow.analysis.optimize;

import io.tickflow.analysis.engine.ParameterSet;
import java.util.Objects;

/**
 * One evaluated parameter set.
 *
 * @param parameters the set
 * @param value its objective value, higher is better; {@link Double#NaN} when it is infeasible
 */
public record Trial(ParameterSet parameters, double value) {

    public Trial {
        Objects.requireNonNull(parameters, "parameters");
    }

    /** Whether it could be run at all (its value is not NaN). */
    public boolean feasible() {
        return !Double.isNaN(value);
    }
}
