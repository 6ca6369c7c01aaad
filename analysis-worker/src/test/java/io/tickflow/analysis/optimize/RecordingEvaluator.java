package io.tickflow.analysis.optimize;

import io.tickflow.analysis.engine.ParameterSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Evaluates a synthetic objective and keeps every batch it was handed, to check what a search asked for. */
final class RecordingEvaluator implements TrialEvaluator {

    private final ToDoubleFunction<ParameterSet> objective;
    final List<List<ParameterSet>> batches = new ArrayList<>();

    RecordingEvaluator(ToDoubleFunction<ParameterSet> objective) {
        this.objective = objective;
    }

    @Override
    public double[] evaluate(List<ParameterSet> batch) {
        batches.add(List.copyOf(batch));
        return batch.stream().mapToDouble(objective).toArray();
    }

    List<ParameterSet> evaluated() {
        return batches.stream().flatMap(List::stream).toList();
    }
}
