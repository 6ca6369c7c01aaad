/**
 * Benchmarks of analysis-worker's backtest engine against issue 5's targets: {@link
 * io.tickflow.bench.analysis.SmaGridBenchmark} times an SMA-crossover grid on 200,000 bars beside the same grid written
 * with ta4j, {@link io.tickflow.bench.analysis.BacktestBenchmarkReport} runs it and writes {@code
 * bench/reports/analysis-backtest.md}, and {@link io.tickflow.bench.analysis.StudyHeap} runs a study's engine work over
 * 1,000,000 bars in a 512 MB heap and writes {@code bench/reports/analysis-heap.md}.
 */
@NullMarked
package io.tickflow.bench.analysis;

import org.jspecify.annotations.NullMarked;
