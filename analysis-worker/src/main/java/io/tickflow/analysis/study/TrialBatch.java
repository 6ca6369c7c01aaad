package io.tickflow.analysis.study;

import io.tickflow.analysis.engine.ParameterSet;
import java.util.List;
import java.util.Objects;

/**
 * Parameter sets of one study that one worker backtests together.
 *
 * @param jobId the study
 * @param batchId unique within the study and the same when a resumed study asks for the same sets again: it says
 *     which search step produced the batch ({@code full-0003-1}: the whole period, fourth step, second part)
 * @param window the bars to backtest over
 * @param withBlocks whether results keep the per-block sums for the probability of backtest overfitting
 * @param sets the parameter sets
 */
public record TrialBatch(String jobId, String batchId, Window window, boolean withBlocks, List<ParameterSet> sets) {

    public TrialBatch {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(window, "window");
        sets = List.copyOf(sets);
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("A trial batch holds at least one parameter set");
        }
    }
}
