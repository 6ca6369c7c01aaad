package io.tickflow.bench.analysis;

import io.tickflow.analysis.backtest.Metrics;
import io.tickflow.analysis.engine.Bars;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.engine.indicator.Indicators;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.criteria.SharpeRatioCriterion;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

/**
 * Shows that the two benchmarks do the same work: both engines' backtests of every pair of the grid, once, with their
 * trade counts and Sharpe ratios side by side.
 */
final class SameBacktest {

    /**
     * One pair's results.
     *
     * @param ta4jTrades ta4j's positions, closed ones plus one still open at the last bar (ours closes it there)
     * @param ta4jSharpe NaN for the pairs the {@code ta4j} benchmark does not run
     */
    record Row(int fast, int slow, int trades, double sharpe, int ta4jTrades, double ta4jSharpe) {}

    private SameBacktest() {}

    static List<Row> run(int size) {
        Bars bars = RandomWalk.bars(size);
        BarSeries series = RandomWalk.ta4j(bars);
        Indicators indicators = Indicators.of(bars);
        byte[] targets = new byte[size];
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        BarSeriesManager manager = SmaGridBenchmark.ta4jManager(series);
        List<Row> rows = new ArrayList<>();
        for (ParameterSet pair : SmaGridBenchmark.grid()) {
            int fast = pair.intValue("fast");
            int slow = pair.intValue("slow");
            Metrics metrics = SmaGridBenchmark.tickflowBacktest(indicators, pair, targets);
            TradingRecord record = manager.run(
                    SmaGridBenchmark.ta4jStrategy(new SMAIndicator(close, fast), new SMAIndicator(close, slow), slow));
            int ta4jTrades =
                    record.getPositionCount() + (record.getCurrentPosition().isOpened() ? 1 : 0);
            boolean diagonal = false;
            for (int d = 0; d < SmaGridBenchmark.TA4J_GRID; d++) {
                diagonal |= SmaGridBenchmark.FAST[d] == fast && SmaGridBenchmark.SLOW[d] == slow;
            }
            double ta4jSharpe = diagonal
                    ? new SharpeRatioCriterion().calculate(series, record).doubleValue()
                    : Double.NaN;
            rows.add(new Row(fast, slow, metrics.trades(), metrics.sharpe(), ta4jTrades, ta4jSharpe));
        }
        return rows;
    }
}
