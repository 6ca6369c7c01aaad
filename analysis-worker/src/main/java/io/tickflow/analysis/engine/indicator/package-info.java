/** Technical indicators over primitive arrays, and a per-series cache that lets every backtest of a study share them. */
@NullMarked
package io.tickflow.analysis.engine.indicator;

import org.jspecify.annotations.NullMarked;
