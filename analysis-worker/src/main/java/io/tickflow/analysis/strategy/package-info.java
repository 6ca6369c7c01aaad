/**
 * The trading strategies a study can backtest, each a stateless {@link io.tickflow.analysis.engine.Strategy} reading
 * cached indicators, and {@link io.tickflow.analysis.strategy.Strategies}, the one list of them that requests name.
 */
@NullMarked
package io.tickflow.analysis.strategy;

import org.jspecify.annotations.NullMarked;
