/**
 * The overfitting guards reported with every study: walk-forward fold windows and efficiency
 * ({@link io.tickflow.analysis.overfitting.WalkForwardPlan}), the deflated Sharpe ratio of the chosen parameters
 * ({@link io.tickflow.analysis.overfitting.DeflatedSharpe}) and the probability of backtest overfitting by
 * combinatorially symmetric cross-validation ({@link io.tickflow.analysis.overfitting.Pbo}). Pure arithmetic over bar
 * indices and per-bar returns; nothing here runs a backtest.
 */
@NullMarked
package io.tickflow.analysis.overfitting;

import org.jspecify.annotations.NullMarked;
