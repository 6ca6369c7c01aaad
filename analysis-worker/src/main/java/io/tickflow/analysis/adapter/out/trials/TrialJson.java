package io.tickflow.analysis.adapter.out.trials;

import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.overfitting.ReturnBlocks;
import io.tickflow.analysis.study.Rejection;
import io.tickflow.analysis.study.TrialBatch;
import io.tickflow.analysis.study.TrialResult;
import io.tickflow.analysis.study.Window;
import io.tickflow.common.contract.ContractJson;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of trial batches on the trials queue and of their results in the trials table. Internal to analysis-worker
 * (workers of one version talk to each other), so it is compact rather than a published contract. JSON has no NaN:
 * an absent value or Sharpe ratio is {@code null}.
 */
public final class TrialJson {

    private static final JsonMapper JSON = ContractJson.mapper();

    private TrialJson() {}

    record BatchMessage(
            String jobId, String batchId, int from, int to, boolean withBlocks, List<SortedMap<String, Double>> sets) {}

    record ResultEntry(
            SortedMap<String, Double> parameters,
            @Nullable Double value,
            @Nullable String rejection,
            Rejection.@Nullable Kind rejectionKind,
            @Nullable Double sharpe,
            int trades,
            @Nullable Blocks blocks) {}

    record Blocks(int[] counts, double[] sums, double[] sumsOfSquares) {}

    /** The message that hands {@code batch} to a worker. */
    public static String write(TrialBatch batch) {
        return JSON.writeValueAsString(new BatchMessage(
                batch.jobId(),
                batch.batchId(),
                batch.window().from(),
                batch.window().to(),
                batch.withBlocks(),
                batch.sets().stream().map(ParameterSet::values).toList()));
    }

    /** The batch a message hands over. */
    public static TrialBatch readBatch(String message) {
        BatchMessage m = JSON.readValue(message, BatchMessage.class);
        return new TrialBatch(
                m.jobId(),
                m.batchId(),
                new Window(m.from(), m.to()),
                m.withBlocks(),
                m.sets().stream()
                        .map(values -> new ParameterSet(new TreeMap<>(values)))
                        .toList());
    }

    static String writeResults(List<TrialResult> results) {
        return JSON.writeValueAsString(results.stream()
                .map(r -> new ResultEntry(
                        r.parameters().values(),
                        r.feasible() ? r.value() : null,
                        r.rejection() == null ? null : r.rejection().reason(),
                        r.rejection() == null ? null : r.rejection().kind(),
                        Double.isFinite(r.sharpe()) ? r.sharpe() : null,
                        r.trades(),
                        r.blocks() == null
                                ? null
                                : new Blocks(
                                        r.blocks().counts(),
                                        r.blocks().sums(),
                                        r.blocks().sumsOfSquares())))
                .toList());
    }

    static List<TrialResult> readResults(String json) {
        List<ResultEntry> entries = List.of(JSON.readValue(json, ResultEntry[].class));
        return entries.stream()
                .map(e -> new TrialResult(
                        new ParameterSet(new TreeMap<>(e.parameters())),
                        e.value() == null ? Double.NaN : e.value(),
                        e.rejection() == null || e.rejectionKind() == null
                                ? null
                                : new Rejection(e.rejectionKind(), e.rejection()),
                        e.sharpe() == null ? Double.NaN : e.sharpe(),
                        e.trades(),
                        e.blocks() == null
                                ? null
                                : ReturnBlocks.ofMoments(
                                        e.blocks().counts(),
                                        e.blocks().sums(),
                                        e.blocks().sumsOfSquares())))
                .toList();
    }
}
