/**
 * The backtester and its performance metrics: {@link io.tickflow.analysis.backtest.Backtester} replays the target
 * positions a strategy wrote over a window of bars, with trading costs and an optional stop loss, and sums the result
 * up as {@link io.tickflow.analysis.backtest.Metrics}. Plain Java, one pass over the bars, no allocation per bar.
 */
@NullMarked
package io.tickflow.analysis.backtest;

import org.jspecify.annotations.NullMarked;
