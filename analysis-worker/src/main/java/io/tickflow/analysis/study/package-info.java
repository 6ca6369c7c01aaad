/**
 * Studies: an analysis request turned into a parameter search over backtests, its walk-forward check and its
 * overfitting estimates, with the trials spread over every worker through trial batches. Plain Java; the ports
 * ({@link io.tickflow.analysis.study.CandleSource}, {@link io.tickflow.analysis.study.JobStore},
 * {@link io.tickflow.analysis.study.TrialBatches}, {@link io.tickflow.analysis.study.ReportStore},
 * {@link io.tickflow.analysis.study.AnalysisEvents}) are implemented by the adapters.
 */
@NullMarked
package io.tickflow.analysis.study;

import org.jspecify.annotations.NullMarked;
