/**
 * The analysis contracts: what users ask analysis-worker to optimise ({@link
 * io.tickflow.common.contract.analysis.AnalysisRequest}) and what it announces on the {@code analysis-results} topic
 * ({@link io.tickflow.common.contract.analysis.AnalysisEvent}: progress, completion, failure).
 */
@NullMarked
package io.tickflow.common.contract.analysis;

import org.jspecify.annotations.NullMarked;
