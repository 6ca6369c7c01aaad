package io.tickflow.analysis.optimize;

/**
 * A way of searching a {@link SearchSpace} for the parameter set with the highest objective value. Implementations
 * are stateless: one instance serves any number of runs at once.
 *
 * <p>Every run keeps to the same rules: it has no set evaluated twice (a set proposed again reuses the value it got);
 * it has at most {@code budget} sets evaluated; it ends once it has proposed 20 times {@code budget} sets, repeats
 * included, so a search that keeps proposing sets it has already tried ends; and the same seed gives the same trials
 * in the same order.
 */
public interface Search {

    /**
     * Searches {@code space}.
     *
     * @param budget the most sets to have evaluated, at least 1
     * @param seed the seed of every random choice the search makes
     * @param evaluator runs the trials, batch by batch
     * @return the trials in the order they were evaluated
     * @throws InvalidSearchSpaceException if this search cannot search {@code space} within {@code budget}
     */
    SearchOutcome run(SearchSpace space, int budget, long seed, TrialEvaluator evaluator);
}
