/**
 * The backtest engine: price series held in primitive arrays ({@link io.tickflow.analysis.engine.Bars}), strategies
 * that turn them into target positions ({@link io.tickflow.analysis.engine.Strategy}) and the parameter sets they are
 * tuned with. Plain Java, no allocation per bar.
 */
@NullMarked
package io.tickflow.analysis.engine;

import org.jspecify.annotations.NullMarked;
