package io.tickflow.analysis.study;

import java.util.List;

/** Spreads trial batches over every analysis worker and collects their results. */
public interface TrialBatches {

    /**
     * The results of every batch, in the order of its sets: those already stored (a resumed study) are read back, the
     * others are handed to the workers, and this waits until all are stored.
     *
     * @throws StudyFailure {@code CANCELLED} when the study is cancelled while it waits
     */
    List<List<TrialResult>> evaluate(List<TrialBatch> batches);

    /** Stores the results of a batch a worker backtested. Storing the same batch again changes nothing. */
    void complete(TrialBatch batch, List<TrialResult> results);
}
