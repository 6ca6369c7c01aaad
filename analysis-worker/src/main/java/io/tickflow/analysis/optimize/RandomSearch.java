package io.tickflow.analysis.optimize;

import io.tickflow.analysis.engine.ParameterSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Distinct parameter sets drawn uniformly, as many as the budget. A finite space no larger than the budget is tried
 * whole, in grid order, instead of drawing until chance has covered it.
 */
final class RandomSearch implements Search {

    // A generator whose algorithm the JDK specifies, so a seed gives the same draws on every JDK.
    private static final String ALGORITHM = "L64X128MixRandom";

    @Override
    public SearchOutcome run(SearchSpace space, int budget, long seed, TrialEvaluator evaluator) {
        TrialLog log = new TrialLog(space, budget, evaluator);
        if (space.gridSize().isPresent() && space.gridSize().getAsLong() <= budget) {
            log.evaluateAll(space.grid());
            return log.outcome();
        }
        RandomGenerator random = RandomGeneratorFactory.of(ALGORITHM).create(seed);
        long proposals = 0;
        while (!log.done() && proposals < log.maxProposals()) {
            Set<ParameterSet> chunk = new LinkedHashSet<>();
            while (chunk.size() < Math.min(TrialLog.CHUNK, log.remaining()) && proposals < log.maxProposals()) {
                ParameterSet sample = space.sample(random);
                proposals++;
                if (log.value(sample) == null) {
                    chunk.add(sample);
                }
            }
            log.evaluate(List.copyOf(chunk));
        }
        return log.outcome();
    }
}
