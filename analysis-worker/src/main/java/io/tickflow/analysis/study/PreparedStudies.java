package io.tickflow.analysis.study;

import io.tickflow.analysis.engine.indicator.Indicators;
import io.tickflow.common.contract.analysis.AnalysisRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The studies this worker is working on, each with its bars loaded once and its indicators cached, shared by the
 * study's coordinator and the trial batches of it that this worker takes. Holds the few most recently used; a study
 * evicted while still running is loaded again when one of its batches arrives.
 */
public final class PreparedStudies {

    private final CandleSource candles;
    private final Map<String, CompletableFuture<Prepared>> studies;

    /**
     * @param capacity how many studies to keep; each holds its bars and up to its indicator cache's budget
     */
    public PreparedStudies(CandleSource candles, int capacity) {
        this.candles = candles;
        this.studies = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Prepared>> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * A study with its spec and bars.
     *
     * @throws StudyFailure as {@link StudySpec#of} does
     */
    Prepared get(String jobId, AnalysisRequest request) {
        CompletableFuture<Prepared> mine = new CompletableFuture<>();
        CompletableFuture<Prepared> existing;
        synchronized (studies) {
            existing = studies.putIfAbsent(jobId, mine);
        }
        if (existing != null) {
            return existing.join();
        }
        // Loaded outside the lock: other studies go on meanwhile, and callers of this one wait on its future.
        try {
            StudySpec spec = StudySpec.of(request);
            Indicators indicators = Indicators.of(
                    candles.load(request.venue(), request.symbol(), request.interval(), request.from(), request.to()));
            Prepared prepared = new Prepared(spec, indicators);
            mine.complete(prepared);
            return prepared;
        } catch (RuntimeException failed) {
            synchronized (studies) {
                studies.remove(jobId, mine);
            }
            mine.completeExceptionally(failed);
            throw failed;
        }
    }

    /** Forgets a study that has ended. */
    void forget(String jobId) {
        synchronized (studies) {
            studies.remove(jobId);
        }
    }

    /** A study ready to backtest. */
    record Prepared(StudySpec spec, Indicators indicators) {}
}
