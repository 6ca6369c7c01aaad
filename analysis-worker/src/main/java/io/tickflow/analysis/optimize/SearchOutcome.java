package io.tickflow.analysis.optimize;

import java.util.List;
import java.util.Optional;

/**
 * What a search tried, in the order it had the trials evaluated; no parameter set appears twice.
 *
 * @param trials every evaluated trial
 */
public record SearchOutcome(List<Trial> trials) {

    public SearchOutcome {
        trials = List.copyOf(trials);
    }

    /** The feasible trial with the highest value, the earliest among equals; empty when none is feasible. */
    public Optional<Trial> best() {
        Trial best = null;
        for (Trial trial : trials) {
            if (trial.feasible() && (best == null || trial.value() > best.value())) {
                best = trial;
            }
        }
        return Optional.ofNullable(best);
    }
}
