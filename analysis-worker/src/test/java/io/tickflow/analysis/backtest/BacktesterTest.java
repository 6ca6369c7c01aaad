package io.tickflow.analysis.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tickflow.analysis.engine.Bars;
import io.tickflow.common.contract.analysis.Objective;
import java.util.Arrays;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.hipparchus.stat.descriptive.moment.Mean;
import org.hipparchus.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

class BacktesterTest {

    private static final long DAY = 86_400_000L;
    private static final double DAYS_PER_YEAR = 365.25;
    private static final Offset<Double> EXACT = within(1e-12);
    private static final BacktestSettings FEE_10_BPS = new BacktestSettings(10, 0, Double.NaN);
    private static final double C = 0.001; // 10 bps

    static Bars bars(double... closes) {
        long[] times = new long[closes.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * DAY;
        }
        return Bars.of(times, closes, closes, closes, closes, new double[closes.length], DAY);
    }

    static byte[] targets(int... values) {
        byte[] targets = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            targets[i] = (byte) values[i];
        }
        return targets;
    }

    static double[] nans(int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    /*
     * Closes 100, 110, 99, 89.1, 98.01, 107.811: bar moves +10%, -10%, -10%, +10%, +10%. Targets long, long, flat,
     * long, long, (long: ignored, the last close exits). Fee 10 bps, c = 0.001.
     *   bar 0: enter long at 100              r0 = -c                          = -0.001
     *   bar 1: hold, +10%                     r1 = 0.1
     *   bar 2: -10%, exit at 99               r2 = 0.9 * (1 - c) - 1           = -0.1009
     *   bar 3: enter long at 89.1             r3 = -c                          = -0.001
     *   bar 4: hold, +10%                     r4 = 0.1
     *   bar 5: +10%, window ends, exit        r5 = 1.1 * (1 - c) - 1           = 0.0989
     * Equity after each bar: 0.999, 1.0989, 0.98802099, 0.98703296901, 1.085736265911, 1.085736265911 * 1.0989.
     * Trades: (1 - c) * 1.1 * 0.9 * (1 - c) - 1 = -0.01197901 (loss); (1 - c) * 1.1 * 1.1 * (1 - c) - 1 = 0.20758121 (win).
     * Peak 1.0989 at bar 1 (the start, 1, was recovered at bar 1: 1 - (-1) = 2 bars); the trough is bar 3,
     * 0.98703296901 / 1.0989 = 0.8982009, a drawdown of 0.1017991; bar 5 is the first back above 1.0989: 5 - 1 = 4 bars.
     * Held over bars 1, 2, 4, 5: exposure 4 / 6.
     */
    private static final Bars WORKED = bars(100, 110, 99, 89.1, 98.01, 107.811);
    private static final byte[] WORKED_TARGETS = targets(1, 1, 0, 1, 1, 1);
    private static final double[] WORKED_RETURNS = {-0.001, 0.1, -0.1009, -0.001, 0.1, 0.0989};

    @Test
    void writesTheNetReturnOfEveryBarOfTheWorkedExample() {
        double[] returns = new double[6];
        Backtester.run(WORKED, WORKED_TARGETS, FEE_10_BPS, 0, 6, returns);
        for (int i = 0; i < 6; i++) {
            assertThat(returns[i]).as("bar %d", i).isCloseTo(WORKED_RETURNS[i], EXACT);
        }
    }

    @Test
    void equityTradesAndExposureOfTheWorkedExample() {
        Metrics m = Backtester.run(WORKED, WORKED_TARGETS, FEE_10_BPS, 0, 6, null);
        double equity = 0.999 * 1.1 * 0.8991 * 0.999 * 1.1 * 1.0989;
        assertThat(m.totalReturn()).isCloseTo(equity - 1, EXACT);
        assertThat(m.bars()).isEqualTo(6);
        assertThat(m.trades()).isEqualTo(2);
        assertThat(m.winRate()).isEqualTo(0.5);
        assertThat(m.profitFactor()).isCloseTo(0.20758121 / 0.01197901, EXACT);
        assertThat(m.exposure()).isCloseTo(4.0 / 6, EXACT);
    }

    @Test
    void drawdownOfTheWorkedExample() {
        Metrics m = Backtester.run(WORKED, WORKED_TARGETS, FEE_10_BPS, 0, 6, null);
        assertThat(m.maxDrawdown()).isCloseTo(0.1017991, EXACT);
        assertThat(m.maxDrawdownBars()).isEqualTo(4);
    }

    @Test
    void sharpeSortinoVolatilityCagrAndCalmarOfTheWorkedExample() {
        Metrics m = Backtester.run(WORKED, WORKED_TARGETS, FEE_10_BPS, 0, 6, null);
        double[] r = WORKED_RETURNS;
        double mean = (r[0] + r[1] + r[2] + r[3] + r[4] + r[5]) / 6;
        double squaredDeviations = 0;
        for (double x : r) {
            squaredDeviations += (x - mean) * (x - mean);
        }
        double stdev = Math.sqrt(squaredDeviations / 5);
        // Only bars 0, 2 and 3 lost; the downside deviation divides by all 6 bars.
        double downside = Math.sqrt((0.001 * 0.001 + 0.1009 * 0.1009 + 0.001 * 0.001) / 6);
        double equity = 1 + m.totalReturn();
        double cagr = Math.pow(equity, DAYS_PER_YEAR / 6) - 1;

        assertThat(m.annualVolatility()).isCloseTo(stdev * Math.sqrt(DAYS_PER_YEAR), EXACT);
        assertThat(m.sharpe()).isCloseTo(mean / stdev * Math.sqrt(DAYS_PER_YEAR), EXACT);
        assertThat(m.sortino()).isCloseTo(mean / downside * Math.sqrt(DAYS_PER_YEAR), EXACT);
        assertThat(m.cagr()).isCloseTo(cagr, within(1e-9 * cagr));
        assertThat(m.calmar()).isCloseTo(cagr / 0.1017991, within(1e-9 * cagr / 0.1017991));
    }

    @Test
    void sharpeAgreesWithHipparchusOverTheBarReturnsOfARandomWalk() {
        Random random = new Random(7);
        int n = 2_000;
        double[] closes = new double[n];
        byte[] targets = new byte[n];
        double price = 100;
        for (int i = 0; i < n; i++) {
            price *= 1 + random.nextGaussian() * 0.02;
            closes[i] = price;
            targets[i] = (byte) (random.nextInt(20) == 0 ? random.nextInt(3) - 1 : i == 0 ? 1 : targets[i - 1]);
        }
        double[] returns = new double[n];
        Metrics m = Backtester.run(bars(closes), targets, new BacktestSettings(10, 5, 0.05), 0, n, returns);

        double mean = new Mean().evaluate(returns);
        double stdev = new StandardDeviation(true).evaluate(returns);
        assertThat(m.sharpe()).isCloseTo(mean / stdev * Math.sqrt(DAYS_PER_YEAR), within(1e-9));
        double[] curve = Backtester.equityCurve(returns, 0, n);
        assertThat(curve[n]).isCloseTo(1 + m.totalReturn(), within(1e-9));
        assertThat(m.trades()).isGreaterThan(20);
    }

    @Test
    void aReversalCostsTwiceAndAShortGainsWhenThePriceFalls() {
        // Closes 100, 110, 99, 99: long at 100, reverse to short at 110, hold short over -10%, window ends.
        double[] returns = new double[4];
        Metrics m = Backtester.run(bars(100, 110, 99, 99), targets(1, -1, -1, -1), FEE_10_BPS, 0, 4, returns);
        assertThat(returns[0]).isCloseTo(-C, EXACT);
        assertThat(returns[1]).isCloseTo(1.1 * (1 - 2 * C) - 1, EXACT);
        assertThat(returns[2]).isCloseTo(0.1, EXACT);
        assertThat(returns[3]).isCloseTo(-C, EXACT);
        assertThat(m.trades()).isEqualTo(2);
        // The reversal's cost is split: the long ends at 1.1 * (1 - c) after its entry cost, the short starts there.
        double longTrade = (1 - C) * 1.1 * (1 - C) - 1;
        double shortTrade = (1 - 2 * C) / (1 - C) * 1.1 * (1 - C) - 1;
        assertThat(m.winRate()).isEqualTo(1.0);
        assertThat((1 + longTrade) * (1 + shortTrade)).isCloseTo(1 + m.totalReturn(), EXACT);
        assertThat(m.profitFactor()).isNaN();
    }

    @Test
    void aShortHeldThroughAFallCompoundsItsBarReturns() {
        // Closes 100, 90, 81: each bar -10%, a short earns +10% a bar (re-sized to equity at each close).
        Metrics m = Backtester.run(bars(100, 90, 81), targets(-1, -1, -1), FEE_10_BPS, 0, 3, null);
        assertThat(m.totalReturn()).isCloseTo((1 - C) * 1.1 * 1.1 * (1 - C) - 1, EXACT);
        assertThat(m.trades()).isEqualTo(1);
        assertThat(m.winRate()).isEqualTo(1.0);
        assertThat(m.exposure()).isCloseTo(2.0 / 3, EXACT);
    }

    @Test
    void aShortLosesAtMostItsWholeEquity() {
        // The price triples over bar 1: a short of the whole equity would lose 200%; it loses 100% and stays at 0.
        Metrics m = Backtester.run(bars(100, 300, 150, 100), targets(-1, -1, -1, -1), FEE_10_BPS, 0, 4, null);
        assertThat(m.totalReturn()).isEqualTo(-1.0);
        assertThat(m.cagr()).isEqualTo(-1.0);
        assertThat(m.maxDrawdown()).isEqualTo(1.0);
    }

    @Test
    void aLongStopLossExitsAtTheCloseAndWaitsForTheTargetToChange() {
        // Stop 5%: long entered at 100, stop level 95. Closes 96 (holds), 94 (stops: exits at 94). The target stays
        // long at bar 4 (stay flat), turns flat at bar 5 (the stop is released), long again at bar 6 (enter at 99).
        Bars bars = bars(100, 100, 96, 94, 95, 97, 99, 100);
        byte[] targets = targets(1, 1, 1, 1, 1, 0, 1, 1);
        double[] returns = new double[8];
        Metrics m = Backtester.run(bars, targets, FEE_10_BPS.withStopLoss(0.05), 0, 8, returns);
        double[] expected = {-C, 0, -0.04, 94.0 / 96 * (1 - C) - 1, 0, 0, -C, 100.0 / 99 * (1 - C) - 1};
        for (int i = 0; i < 8; i++) {
            assertThat(returns[i]).as("bar %d", i).isCloseTo(expected[i], EXACT);
        }
        assertThat(m.trades()).isEqualTo(2);
        assertThat(m.exposure()).isCloseTo(4.0 / 8, EXACT);

        Metrics withoutStop = Backtester.run(bars, targets, FEE_10_BPS, 0, 8, returns);
        assertThat(returns[4]).isCloseTo(95.0 / 94 - 1, EXACT);
        assertThat(withoutStop.trades()).isEqualTo(2);
        assertThat(withoutStop.exposure()).isCloseTo(6.0 / 8, EXACT);
    }

    @Test
    void afterAStopATargetOfTheOppositeSideIsTakenAtOnce() {
        // Long stopped at 90 (bar 1); the target turns short at bar 2: enter short at 92 without waiting for flat.
        double[] returns = new double[4];
        Metrics m = Backtester.run(
                bars(100, 90, 92, 88), targets(1, 1, -1, -1), FEE_10_BPS.withStopLoss(0.05), 0, 4, returns);
        assertThat(returns[1]).isCloseTo(0.9 * (1 - C) - 1, EXACT);
        assertThat(returns[2]).isCloseTo(-C, EXACT);
        assertThat(returns[3]).isCloseTo((1 - (88.0 / 92 - 1)) * (1 - C) - 1, EXACT);
        assertThat(m.trades()).isEqualTo(2);
    }

    @Test
    void aShortStopLossExitsWhenThePriceRisesByTheStop() {
        // Short at 100 with a 5% stop: 104 holds, 106 stops; the target stays short, so the backtest stays flat.
        double[] returns = new double[5];
        Metrics m = Backtester.run(
                bars(100, 104, 106, 90, 80), targets(-1, -1, -1, -1, -1), FEE_10_BPS.withStopLoss(0.05), 0, 5, returns);
        assertThat(returns[1]).isCloseTo(-0.04, EXACT);
        assertThat(returns[2]).isCloseTo((1 - (106.0 / 104 - 1)) * (1 - C) - 1, EXACT);
        assertThat(returns[3]).isZero();
        assertThat(returns[4]).isZero();
        assertThat(m.trades()).isEqualTo(1);
        assertThat(m.winRate()).isZero();
    }

    @Test
    void aWindowStartsFlatAndClosesItsPositionAtItsLastBar() {
        // Ten bars, always long; the window [3, 7) enters at bar 3's close (103) and exits at bar 6's close (106).
        double[] closes = {100, 101, 102, 103, 104, 105, 106, 107, 108, 109};
        byte[] targets = targets(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        double[] returns = nans(10);
        Metrics m = Backtester.run(bars(closes), targets, FEE_10_BPS, 3, 7, returns);
        assertThat(returns[3]).isCloseTo(-C, EXACT);
        assertThat(returns[4]).isCloseTo(104.0 / 103 - 1, EXACT);
        assertThat(returns[5]).isCloseTo(105.0 / 104 - 1, EXACT);
        assertThat(returns[6]).isCloseTo(106.0 / 105 * (1 - C) - 1, EXACT);
        for (int i : new int[] {0, 1, 2, 7, 8, 9}) {
            assertThat(returns[i]).as("bar %d outside the window", i).isNaN();
        }
        assertThat(m.bars()).isEqualTo(4);
        assertThat(m.trades()).isEqualTo(1);
        assertThat(m.totalReturn()).isCloseTo((1 - C) * 106 / 103 * (1 - C) - 1, EXACT);
        assertThat(m.exposure()).isCloseTo(3.0 / 4, EXACT);
    }

    @Test
    void alwaysLongEqualsBuyAndHoldLessTheEntryAndExitCosts() {
        double[] closes = {50, 52, 49, 47, 55, 61, 58, 60, 62, 57};
        byte[] targets = targets(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        double[] returns = new double[10];
        BacktestSettings costs = new BacktestSettings(10, 5, Double.NaN);
        Backtester.run(bars(closes), targets, costs, 2, 9, returns);
        double[] equity = Backtester.equityCurve(returns, 2, 9);
        double[] hold = Backtester.buyAndHold(bars(closes), 2, 9);
        assertThat(equity).hasSize(8);
        assertThat(hold).hasSize(8);
        assertThat(hold[0]).isEqualTo(1.0);
        assertThat(hold[7]).isCloseTo(62.0 / 49, EXACT);
        assertThat(equity[0]).isEqualTo(1.0);
        assertThat(equity[7]).isCloseTo(hold[7] * (1 - 0.0015) * (1 - 0.0015), EXACT);
        for (int k = 1; k < 7; k++) {
            assertThat(equity[k]).as("point %d", k).isCloseTo(hold[k] * (1 - 0.0015), EXACT);
        }
    }

    @Test
    void aDrawdownNeverRecoveredLastsToTheEnd() {
        // Long over falling closes: the start (1) is the peak, one bar before the window; nothing recovers it.
        Metrics m = Backtester.run(bars(100, 90, 95, 80), targets(1, 1, 1, 1), FEE_10_BPS, 0, 4, null);
        assertThat(m.maxDrawdownBars()).isEqualTo(4);
        assertThat(m.maxDrawdown()).isCloseTo(1 - (1 - C) * 0.8 * (1 - C), EXACT);
        assertThat(m.calmar()).isNegative();
    }

    @Test
    void theLongestOfSeveralDrawdownsCounts() {
        // No costs, long from bar 0 over closes 100, 50, 100, 200, 150, 150, 150, 210, 210: equity 1, 0.5, 1 (back at
        // the bar 0 peak: 2 bars), 2, 1.5, 1.5, 1.5, 2.1 (above the bar 3 peak at bar 7: 4 bars), 2.1. The deepest
        // drawdown is the first, 50%; the longest the second, 4 bars.
        BacktestSettings free = new BacktestSettings(0, 0, Double.NaN);
        Metrics m = Backtester.run(
                bars(100, 50, 100, 200, 150, 150, 150, 210, 210), targets(1, 1, 1, 1, 1, 1, 1, 1, 1), free, 0, 9, null);
        assertThat(m.maxDrawdownBars()).isEqualTo(4);
        assertThat(m.maxDrawdown()).isCloseTo(0.5, EXACT);
        assertThat(m.totalReturn()).isCloseTo(1.1, EXACT);
    }

    @Test
    void aBacktestThatNeverTradesHasNoObjectiveValue() {
        Metrics m = Backtester.run(bars(100, 110, 90, 95), targets(0, 0, 0, 0), FEE_10_BPS, 0, 4, null);
        assertThat(m.trades()).isZero();
        assertThat(m.totalReturn()).isZero();
        assertThat(m.cagr()).isZero();
        assertThat(m.sharpe()).isZero();
        assertThat(m.sortino()).isZero();
        assertThat(m.annualVolatility()).isZero();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.maxDrawdownBars()).isZero();
        assertThat(m.exposure()).isZero();
        assertThat(m.winRate()).isNaN();
        assertThat(m.profitFactor()).isNaN();
        assertThat(m.calmar()).isNaN();
        for (Objective objective : Objective.values()) {
            assertThat(m.value(objective)).as("%s", objective).isNaN();
        }
    }

    @Test
    void aTargetAtTheLastBarOfTheWindowOpensNothing() {
        Metrics m = Backtester.run(bars(100, 110, 120), targets(0, 0, 1), FEE_10_BPS, 0, 3, null);
        assertThat(m.trades()).isZero();
        assertThat(m.totalReturn()).isZero();
    }

    @Test
    void rejectsWindowsAndTargetsItCannotBacktest() {
        Bars bars = bars(100, 101, 102);
        byte[] targets = targets(1, 1, 1);
        assertThatThrownBy(() -> Backtester.run(bars, targets, FEE_10_BPS, 1, 2, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backtester.run(bars, targets, FEE_10_BPS, -1, 2, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backtester.run(bars, targets, FEE_10_BPS, 0, 4, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backtester.run(bars, targets(1, 1), FEE_10_BPS, 0, 2, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backtester.run(bars, targets(1, 2, 1), FEE_10_BPS, 0, 3, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bar 1");
        assertThatThrownBy(() -> Backtester.run(bars, targets, FEE_10_BPS, 0, 3, new double[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
