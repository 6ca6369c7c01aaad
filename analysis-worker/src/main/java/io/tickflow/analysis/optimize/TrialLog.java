package io.tickflow.analysis.optimize;

import io.tickflow.analysis.engine.ParameterSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The trials of one search run: the one place that calls the {@link TrialEvaluator}, so that every search keeps the
 * rules of {@link Search} the same way. It drops sets already evaluated or repeated within a batch, and cuts a batch
 * at the budget.
 */
final class TrialLog {

    /** How many sets a search may propose per trial of its budget, repeats included, before it must end. */
    static final int PROPOSALS_PER_TRIAL = 20;

    /** The batch size of searches that know all their sets up front: small enough to report progress between. */
    static final int CHUNK = 256;

    private final TrialEvaluator evaluator;
    private final int budget;
    private final long limit;
    private final Map<ParameterSet, Double> values = new HashMap<>();
    private final List<Trial> trials = new ArrayList<>();

    TrialLog(SearchSpace space, int budget, TrialEvaluator evaluator) {
        if (budget < 1) {
            throw new IllegalArgumentException("A search has a budget of at least one trial: " + budget);
        }
        this.evaluator = evaluator;
        this.budget = budget;
        this.limit = Math.min(budget, space.gridSize().orElse(Long.MAX_VALUE));
    }

    /**
     * Has the sets of {@code proposals} that have no value yet evaluated as one batch, in the order proposed, as many
     * as the budget still allows.
     */
    void evaluate(List<ParameterSet> proposals) {
        Set<ParameterSet> fresh = new LinkedHashSet<>();
        for (ParameterSet proposal : proposals) {
            if (fresh.size() >= remaining()) {
                break;
            }
            if (!values.containsKey(proposal)) {
                fresh.add(proposal);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        List<ParameterSet> batch = List.copyOf(fresh);
        double[] results = evaluator.evaluate(batch);
        if (results.length != batch.size()) {
            throw new IllegalStateException(
                    "The evaluator returned " + results.length + " values for " + batch.size() + " parameter sets");
        }
        for (int i = 0; i < results.length; i++) {
            values.put(batch.get(i), results[i]);
            trials.add(new Trial(batch.get(i), results[i]));
        }
    }

    /** Has every set of {@code sets} evaluated, in order, in batches of {@value #CHUNK}. */
    void evaluateAll(Stream<ParameterSet> sets) {
        Iterator<ParameterSet> iterator = sets.iterator();
        List<ParameterSet> chunk = new ArrayList<>(CHUNK);
        while (iterator.hasNext() && !done()) {
            chunk.add(iterator.next());
            if (chunk.size() == CHUNK || !iterator.hasNext()) {
                evaluate(chunk);
                chunk.clear();
            }
        }
    }

    /** The value {@code set} got, or {@code null} if it has not been evaluated. */
    @Nullable
    Double value(ParameterSet set) {
        return values.get(set);
    }

    /** How many more sets may be evaluated: what is left of the budget, or of the space when it is smaller. */
    int remaining() {
        return (int) (limit - trials.size());
    }

    /** Whether the budget is spent or every set of the space has been evaluated. */
    boolean done() {
        return remaining() <= 0;
    }

    /** How many sets a run may propose in all, repeats included. */
    long maxProposals() {
        return (long) budget * PROPOSALS_PER_TRIAL;
    }

    SearchOutcome outcome() {
        return new SearchOutcome(trials);
    }
}
