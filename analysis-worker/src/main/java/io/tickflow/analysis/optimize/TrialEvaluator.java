package io.tickflow.analysis.optimize;

import io.tickflow.analysis.engine.ParameterSet;
import java.util.List;

/**
 * Runs the trials a search proposes. A search hands over whole batches (a grid chunk, a generation) so that the caller
 * can spread one batch over many workers; it never hands over a set it has already had evaluated.
 */
@FunctionalInterface
public interface TrialEvaluator {

    /**
     * The objective value of each set, in the order given; higher is better. {@link Double#NaN} marks a set that is
     * infeasible (it violates a constraint, or its values cannot go together such as a fast average not shorter than
     * the slow one): the search treats it as the worst.
     *
     * @param batch at least one set, no two equal
     * @return one value per set of {@code batch}
     */
    double[] evaluate(List<ParameterSet> batch);
}
