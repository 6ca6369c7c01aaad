package io.tickflow.bench.analysis;

import io.tickflow.analysis.backtest.BacktestSettings;
import io.tickflow.analysis.backtest.Backtester;
import io.tickflow.analysis.backtest.Metrics;
import io.tickflow.analysis.engine.Bars;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.engine.Strategy;
import io.tickflow.analysis.engine.indicator.Indicators;
import io.tickflow.analysis.strategy.Strategies;
import io.tickflow.common.contract.analysis.Costs;
import io.tickflow.common.contract.analysis.Direction;
import io.tickflow.common.contract.analysis.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Indicator;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.criteria.SharpeRatioCriterion;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * Backtests per second of an SMA-crossover grid over {@value #BARS} one-minute bars ({@link RandomWalk}), by
 * analysis-worker's engine and by ta4j in the same run. Every invocation runs a grid, and {@code
 * @OperationsPerInvocation} says how many backtests it holds, so every score is backtests per second.
 *
 * <ul>
 *   <li>{@code tickflow}: a fresh {@link Indicators} cache per invocation, so the grid's eight moving averages are
 *       computed in it, as a study computes them; then for each of the {@value #GRID} (fast, slow) pairs of {@link
 *       #FAST} × {@link #SLOW}, {@code sma-crossover}'s {@link Strategy#positions} (long only) and {@link
 *       Backtester#run} over all the bars with the default costs (10 bps fee + 5 bps slippage per unit traded), whose
 *       metrics include the Sharpe ratio that goes to the blackhole;
 *   <li>{@code ta4j}: the same backtest with ta4j 0.22.2, on {@value #TA4J_GRID} pairs of the grid (see {@link
 *       #TA4J_GRID}): a fresh {@link ClosePriceIndicator} and {@link SMAIndicator}s per invocation; per pair a {@link
 *       BaseStrategy} entering on {@link CrossedUpIndicatorRule} and exiting on {@link CrossedDownIndicatorRule} of the
 *       two averages, with the slow period as unstable bars, run by a {@link BarSeriesManager} with a {@link
 *       LinearTransactionCostModel} of 15 bps, no holding cost and fills at the signal bar's close ({@link
 *       TradeOnCurrentCloseModel}, as our backtester fills); the {@link SharpeRatioCriterion} of the trading record
 *       goes to the blackhole;
 *   <li>{@code ta4jWithoutMetric}: ta4j's part of that without the Sharpe ratio, over the whole grid, one {@link
 *       SMAIndicator} per period shared by the pairs as ours are: the signals and the trading record only, the number
 *       of positions going to the blackhole. Ours computes every metric in the same pass, so this is a lower bound on
 *       what ta4j takes for our work.
 * </ul>
 *
 * <p>The bars, and ta4j's series of them, are built once per fork and shared by the benchmark's threads, which only
 * read them; each thread has its own targets buffer. Run it with {@link BacktestBenchmarkReport}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SmaGridBenchmark {

    /** Bars in every backtest. */
    public static final int BARS = 200_000;

    /** Fast periods of the grid. */
    static final int[] FAST = {5, 10, 20, 40};

    /** Slow periods of the grid. */
    static final int[] SLOW = {50, 100, 150, 200};

    /** Backtests in one invocation of {@code tickflow} and {@code ta4jWithoutMetric}: the whole grid. */
    public static final int GRID = 16;

    /**
     * Backtests in one invocation of {@code ta4j}: the grid's diagonal, (5, 50), (10, 100), (20, 150) and (40, 200).
     * ta4j's Sharpe ratio takes seconds per backtest on 200,000 bars, so the whole grid would make one invocation last
     * most of a minute; the diagonal keeps every fast and every slow period, from the busiest pair to the quietest.
     */
    public static final int TA4J_GRID = 4;

    /** The fee and slippage ta4j charges, as a fraction of the traded value: our defaults, 10 + 5 bps. */
    static final double TA4J_COST = (Costs.defaults().feeBps().doubleValue()
                    + Costs.defaults().slippageBps().doubleValue())
            / 10_000;

    /** Our strategy under test. */
    static final Strategy STRATEGY = Strategies.byName("sma-crossover").orElseThrow();

    /** Our default costs, without a stop loss. */
    static final BacktestSettings SETTINGS = BacktestSettings.of(Costs.defaults());

    /** The bars, built once per fork. */
    @State(Scope.Benchmark)
    public static class Market {
        final Bars bars = RandomWalk.bars(BARS);
        final List<ParameterSet> grid = grid();
    }

    /** ta4j's series of the same bars, built once per fork. */
    @State(Scope.Benchmark)
    public static class Ta4jMarket {
        final BarSeries series = RandomWalk.ta4j(RandomWalk.bars(BARS));
    }

    /** What a thread writes into: one target per bar, as a study's trial runner keeps one per thread. */
    @State(Scope.Thread)
    public static class Buffers {
        final byte[] targets = new byte[BARS];
    }

    @Benchmark
    @OperationsPerInvocation(GRID)
    public void tickflow(Market market, Buffers buffers, Blackhole blackhole) {
        Indicators indicators = Indicators.of(market.bars);
        for (ParameterSet pair : market.grid) {
            blackhole.consume(
                    tickflowBacktest(indicators, pair, buffers.targets).value(Objective.SHARPE));
        }
    }

    @Benchmark
    @OperationsPerInvocation(TA4J_GRID)
    public void ta4j(Ta4jMarket market, Blackhole blackhole) {
        BarSeries series = market.series;
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        BarSeriesManager manager = ta4jManager(series);
        SharpeRatioCriterion sharpe = new SharpeRatioCriterion();
        for (int pair = 0; pair < TA4J_GRID; pair++) {
            TradingRecord record = manager.run(
                    ta4jStrategy(new SMAIndicator(close, FAST[pair]), new SMAIndicator(close, SLOW[pair]), SLOW[pair]));
            blackhole.consume(sharpe.calculate(series, record));
        }
    }

    @Benchmark
    @OperationsPerInvocation(GRID)
    public void ta4jWithoutMetric(Ta4jMarket market, Blackhole blackhole) {
        BarSeries series = market.series;
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        BarSeriesManager manager = ta4jManager(series);
        // One average per period, shared by the pairs as our cache shares them; ta4j computes and caches their values
        // on first use.
        List<SMAIndicator> slowAverages = new ArrayList<>();
        for (int slow : SLOW) {
            slowAverages.add(new SMAIndicator(close, slow));
        }
        for (int fast : FAST) {
            SMAIndicator fastAverage = new SMAIndicator(close, fast);
            for (int s = 0; s < SLOW.length; s++) {
                TradingRecord record = manager.run(ta4jStrategy(fastAverage, slowAverages.get(s), SLOW[s]));
                blackhole.consume(record.getPositionCount());
            }
        }
    }

    /** sma-crossover, the grid of {@link #FAST} × {@link #SLOW} pairs, fast first. */
    static List<ParameterSet> grid() {
        List<ParameterSet> grid = new ArrayList<>();
        for (int fast : FAST) {
            for (int slow : SLOW) {
                ParameterSet pair = ParameterSet.of(Map.of("fast", (double) fast, "slow", (double) slow));
                STRATEGY.check(pair);
                grid.add(pair);
            }
        }
        if (grid.size() != GRID) {
            throw new IllegalStateException("The grid holds " + grid.size() + " pairs, not " + GRID);
        }
        return grid;
    }

    /** One of our backtests over all the bars: positions, then the replay. */
    static Metrics tickflowBacktest(Indicators indicators, ParameterSet pair, byte[] targets) {
        STRATEGY.positions(indicators, pair, Direction.LONG_ONLY, targets);
        Bars bars = indicators.bars();
        return Backtester.run(bars, targets, SETTINGS, 0, bars.size(), null);
    }

    static BarSeriesManager ta4jManager(BarSeries series) {
        return new BarSeriesManager(
                series, new LinearTransactionCostModel(TA4J_COST), new ZeroCostModel(), new TradeOnCurrentCloseModel());
    }

    static BaseStrategy ta4jStrategy(Indicator<Num> fast, Indicator<Num> slow, int unstableBars) {
        return new BaseStrategy(
                new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow), unstableBars);
    }
}
