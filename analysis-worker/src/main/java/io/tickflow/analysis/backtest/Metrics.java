package io.tickflow.analysis.backtest;

import io.tickflow.common.contract.analysis.Objective;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a backtest performed, from the net return {@code r} of every bar of its window (costs included, 0 for a bar
 * held flat without a fill) and from its trades. {@code n} is the number of bars in the window and {@code P} the bars
 * per year ({@link io.tickflow.analysis.engine.Bars#barsPerYear()}). Equity starts at 1 and is the product of
 * {@code (1 + r)}.
 *
 * <p>A ratio whose denominator is zero is undefined and is NaN, with one exception: Sharpe and Sortino are 0 when
 * both their mean and their deviation are 0, i.e. every bar returned exactly 0 (the backtest never held a position).
 * Optimisers treat NaN as infeasible. {@code cagr}, and with it {@code calmar}, can be infinite when a short window is
 * annualised (a 10% gain over one day of minute bars compounds past the range of a double).
 *
 * @param totalReturn the final equity less 1
 * @param cagr the compound annual growth rate, {@code equity^(P / n) - 1}; -1 when the equity was lost entirely
 * @param annualVolatility the sample standard deviation of {@code r} (divided by {@code n - 1}) times {@code sqrt(P)}
 * @param sharpe {@code mean(r) / stdev(r) * sqrt(P)}, with the sample standard deviation and a risk-free rate of 0
 * @param sortino {@code mean(r) / sqrt(mean(min(r, 0)^2)) * sqrt(P)}: the downside deviation is taken over all
 *     {@code n} bars, losing or not, against a target of 0
 * @param calmar {@code cagr / maxDrawdown}; NaN when there was no drawdown
 * @param maxDrawdown the deepest fall of the equity below its running peak, as a positive fraction of that peak
 *     ({@code 0.25} is 25%); the equity before the first bar (1) is the first peak
 * @param maxDrawdownBars the longest drawdown in bars: from the close of a peak bar to the close of the first bar whose
 *     equity is back at or above that peak, or to the close of the window's last bar if none is; 0 without drawdown.
 *     The starting equity counts as a peak one bar before the window, so a backtest that never recovers from its
 *     entry cost has {@code maxDrawdownBars == bars}
 * @param winRate the fraction of trades whose return, net of both their costs, is above 0; NaN without trades
 * @param profitFactor the sum of the returns of winning trades over the absolute sum of the returns of losing ones;
 *     NaN when no trade lost (including when there were no trades)
 * @param trades the number of round trips: every entry is closed, at the latest at the window's last close
 * @param exposure the fraction of the window's bars held with a position (long or short) over the bar
 * @param bars {@code n}, the number of bars in the window
 */
public record Metrics(
        double totalReturn,
        double cagr,
        double annualVolatility,
        double sharpe,
        double sortino,
        double calmar,
        double maxDrawdown,
        int maxDrawdownBars,
        double winRate,
        double profitFactor,
        int trades,
        double exposure,
        int bars) {

    private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

    /**
     * The value an optimiser maximises. NaN when the backtest made no trade, whatever the objective: a backtest that
     * never trades says nothing about its parameters and must not win over losing ones for having risked nothing. NaN
     * also when the metric itself is undefined (see the class description); optimisers treat NaN as infeasible.
     */
    public double value(Objective objective) {
        if (trades == 0) {
            return Double.NaN;
        }
        return switch (objective) {
            case SHARPE -> sharpe;
            case SORTINO -> sortino;
            case CALMAR -> calmar;
            case CAGR -> cagr;
            case PROFIT_FACTOR -> profitFactor;
        };
    }

    /**
     * The metrics by name, for reports and {@code AnalysisCompleted.metrics}: {@code totalReturn}, {@code cagr},
     * {@code volatility}, {@code sharpe}, {@code sortino}, {@code calmar}, {@code maxDrawdown}, {@code
     * maxDrawdownBars}, {@code winRate}, {@code profitFactor}, {@code trades}, {@code exposure}. Fractions are rounded
     * to 6 significant digits; a metric that is NaN or infinite is left out, since a decimal cannot hold it.
     */
    public SortedMap<String, BigDecimal> asMap() {
        SortedMap<String, BigDecimal> map = new TreeMap<>();
        put(map, "totalReturn", totalReturn);
        put(map, "cagr", cagr);
        put(map, "volatility", annualVolatility);
        put(map, "sharpe", sharpe);
        put(map, "sortino", sortino);
        put(map, "calmar", calmar);
        put(map, "maxDrawdown", maxDrawdown);
        map.put("maxDrawdownBars", BigDecimal.valueOf(maxDrawdownBars));
        put(map, "winRate", winRate);
        put(map, "profitFactor", profitFactor);
        map.put("trades", BigDecimal.valueOf(trades));
        put(map, "exposure", exposure);
        return Collections.unmodifiableSortedMap(map);
    }

    private static void put(SortedMap<String, BigDecimal> map, String name, double value) {
        if (Double.isFinite(value)) {
            BigDecimal rounded = BigDecimal.valueOf(value).round(SIX_DIGITS);
            // A negative scale (1.23457E+6) would print in scientific notation in JSON.
            map.put(name, rounded.scale() < 0 ? rounded.setScale(0) : rounded);
        }
    }
}
