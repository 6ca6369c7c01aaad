package io.tickflow.analysis.study;

import io.tickflow.common.contract.analysis.AnalysisRequest;
import java.util.List;
import java.util.Optional;

/**
 * What a worker does with a trial batch it takes from the queue: backtest every set over the batch's window and store
 * the results, which the study's coordinator is waiting for.
 */
public final class TrialWork {

    private final JobStore jobs;
    private final PreparedStudies studies;
    private final TrialBatches batches;

    public TrialWork(JobStore jobs, PreparedStudies studies, TrialBatches batches) {
        this.jobs = jobs;
        this.studies = studies;
        this.batches = batches;
    }

    /**
     * Runs {@code batch} and stores its results.
     *
     * @return false if the batch's study has already ended (finished, failed or was cancelled), so there is nothing to
     *     do and the batch can be dropped
     */
    public boolean run(TrialBatch batch) {
        Optional<AnalysisRequest> request = jobs.request(batch.jobId());
        if (request.isEmpty()) {
            studies.forget(batch.jobId());
            return false;
        }
        PreparedStudies.Prepared study = studies.get(batch.jobId(), request.get());
        List<TrialResult> results =
                new TrialRunner(study.spec(), study.indicators()).run(batch.window(), batch.sets(), batch.withBlocks());
        batches.complete(batch, results);
        return true;
    }
}
