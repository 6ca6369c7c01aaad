package io.tickflow.analysis.report;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One backtested parameter set of a study and the objective value it reached.
 *
 * @param parameters the parameter values, by name
 * @param value the objective value, or {@link Double#NaN} when the set broke a constraint (infeasible)
 */
public record TrialPoint(SortedMap<String, BigDecimal> parameters, double value) {

    public TrialPoint {
        parameters = StudyReport.sortedCopy(parameters, "parameters");
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("A trial's value is finite, or NaN when infeasible: " + value);
        }
    }

    /** The trial with {@code parameters}, in any map, and {@code value}. */
    public static TrialPoint of(Map<String, BigDecimal> parameters, double value) {
        return new TrialPoint(new TreeMap<>(Objects.requireNonNull(parameters, "parameters")), value);
    }

    /** Whether the parameter set met the study's constraints. */
    public boolean feasible() {
        return !Double.isNaN(value);
    }
}
