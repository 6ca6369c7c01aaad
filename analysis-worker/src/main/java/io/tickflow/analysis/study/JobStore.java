package io.tickflow.analysis.study;

import io.tickflow.common.contract.analysis.AnalysisEvent;
import io.tickflow.common.contract.analysis.AnalysisRequest;
import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Where the state of every study is kept, keyed by its job id, so that any worker can resume or join it. */
public interface JobStore {

    /**
     * Records the job of {@code request} as running unless it is already known, and returns it as stored: a
     * redelivered request finds its job, running (its worker died) or finished.
     */
    Job begin(String jobId, AnalysisRequest request);

    /**
     * The request of a job that is running and not being cancelled, for the workers that take its trial batches;
     * empty for a job that has ended or is to stop, whose batches are dropped.
     */
    Optional<AnalysisRequest> request(String jobId);

    /** Records how far the job has come. */
    void progress(String jobId, int completedTrials, int totalTrials, @Nullable BigDecimal bestObjectiveValue);

    /** Whether someone asked to cancel the job (and it has not finished). */
    boolean cancelRequested(String jobId);

    /**
     * Asks a running job to stop; its worker notices between trial batches.
     *
     * @return false if the job does not exist or has already finished
     */
    boolean requestCancel(String jobId);

    /**
     * Records the job's outcome, which a redelivered request publishes again instead of running the study twice.
     *
     * @return the outcome stored: {@code outcome}, or the one another worker recorded first
     */
    AnalysisEvent finish(String jobId, AnalysisEvent outcome);

    /**
     * A job as stored.
     *
     * @param outcome the event it ended with; null while it runs
     */
    record Job(String jobId, @Nullable AnalysisEvent outcome) {}
}
