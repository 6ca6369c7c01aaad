package io.tickflow.analysis.backtest;

import io.tickflow.analysis.engine.Bars;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Replays a strategy's target positions over a window of bars and measures the result.
 *
 * <p>The model, for a window {@code [from, to)} of bar indices:
 *
 * <ul>
 *   <li>The position is flat before bar {@code from}. At the close of each bar {@code i} of the window the backtest
 *       moves to {@code targets[i]} (1 long, 0 flat, -1 short), except at the last bar {@code to - 1}, whose close
 *       closes any open position. So a position decided at bar {@code i}'s close is filled at that close and held
 *       over bar {@code i + 1}; a window's first fill is at bar {@code from}'s close.
 *   <li>A position is the whole equity: bar {@code i}'s gross return is {@code pos * (close[i] / close[i-1] - 1)}
 *       for the position {@code pos} held over it. A short is thus re-sized to the equity at every close, at no cost,
 *       rather than held as a fixed quantity. A bar cannot lose more than the equity: a short whose price more than
 *       doubles in one bar leaves the equity at 0 for the rest of the window.
 *   <li>A fill that changes the position by {@code |Δpos|} (2 for a reversal from long to short) costs {@code |Δpos|
 *       * (feeBps + slippageBps) / 10,000} of the equity at that close. Bar {@code i}'s net return {@code r[i]} is
 *       {@code (1 + gross) * (1 - cost) - 1}; the bar of an entry from flat returns just {@code -cost}.
 *   <li>Stop loss, when set: while in a position entered at price {@code entry}, a close with {@code close <= entry
 *       * (1 - stopLoss)} (long) or {@code close >= entry * (1 + stopLoss)} (short) exits to flat at that close,
 *       with its cost. The backtest then stays flat as long as the strategy's target is still the stopped position,
 *       and follows it again from the first close where it is anything else (a target of 0 in between, or the
 *       opposite position at once). Stops look at closes only: no assumption is made about the path of prices within
 *       a bar, and the exit price is the close, which may lie beyond the stop level.
 *   <li>A trade runs from an entry to the fill that closes it (an exit, a stop, a reversal or the window's end). Its
 *       return is the equity just after the closing fill over the equity just before the opening fill, less 1, so
 *       both its costs are in it. A reversal's cost is split evenly: the closing trade ends at the equity before the
 *       fill less one unit of cost, which is where the opening trade starts. The product of {@code 1 + return} over
 *       the trades is the final equity.
 * </ul>
 *
 * <p>One pass over the window computes every metric of {@link Metrics}; nothing is allocated per bar.
 */
public final class Backtester {

    private Backtester() {}

    /**
     * Backtests {@code targets} over the bars {@code [from, to)}.
     *
     * @param targets the strategy's positions, one per bar of {@code bars}, each 1, 0 or -1
     * @param barReturns when not null, receives the net return of every bar {@code i} of the window at index {@code i};
     *     other indices are left as they are
     * @throws IllegalArgumentException if the window holds fewer than two bars or lies outside the bars, if {@code
     *     targets} does not have one value per bar, if a target in the window is not 1, 0 or -1, or if {@code
     *     barReturns} is shorter than {@code to}
     */
    public static Metrics run(
            Bars bars, byte[] targets, BacktestSettings settings, int from, int to, double @Nullable [] barReturns) {
        Objects.requireNonNull(settings, "settings");
        if (targets.length != bars.size()) {
            throw new IllegalArgumentException(
                    "One target per bar: " + targets.length + " targets for " + bars.size() + " bars");
        }
        checkWindow(from, to, bars.size());
        if (barReturns != null && barReturns.length < to) {
            throw new IllegalArgumentException(
                    "The bar returns array holds index " + (to - 1) + ": its length is " + barReturns.length);
        }
        double[] close = bars.close();
        double unitCost = settings.costPerUnit();
        // With no stop loss the stop price is one no close reaches: 0 below a long, +Infinity above a short.
        boolean stops = settings.hasStopLoss();
        double longStop = stops ? 1 - settings.stopLoss() : 0;
        double shortStop = stops ? 1 + settings.stopLoss() : Double.POSITIVE_INFINITY;
        int last = to - 1;

        int position = 0;
        int stopped = 0; // the position a stop closed, refused while the target stays on it
        double stopPrice = 0;
        double equity = 1;
        double entryEquity = 1;
        double previousClose = close[from];

        double sum = 0;
        double sumOfSquares = 0;
        double sumOfDownsideSquares = 0;
        int exposed = 0;

        double peak = 1;
        int peakBar = from - 1;
        double maxDrawdown = 0;
        double drawdownFloor = 1; // peak * (1 - maxDrawdown): only equity below it deepens the maximum
        int maxDrawdownBars = 0;

        int trades = 0;
        int wins = 0;
        double grossWin = 0;
        double grossLoss = 0;

        for (int i = from; i <= last; i++) {
            double price = close[i];
            double factor = Math.max(0, 1 + position * (price / previousClose - 1));
            previousClose = price;
            exposed += position & 1;

            int target;
            if (i == last) {
                target = 0;
            } else {
                target = targets[i];
                if (target > 1 || target < -1) {
                    throw new IllegalArgumentException("Target " + target + " at bar " + i + " is not 1, 0 or -1");
                }
                if (stopped != 0) {
                    if (target == stopped) {
                        target = 0;
                    } else {
                        stopped = 0;
                    }
                }
                if (target == position && position != 0 && (position > 0 ? price <= stopPrice : price >= stopPrice)) {
                    stopped = position;
                    target = 0;
                }
            }

            if (target != position) {
                double before = equity * factor;
                if (position != 0) {
                    double tradeReturn = before * (1 - unitCost) / entryEquity - 1;
                    trades++;
                    if (tradeReturn > 0) {
                        wins++;
                        grossWin += tradeReturn;
                    } else if (tradeReturn < 0) {
                        grossLoss -= tradeReturn;
                    }
                }
                if (target != 0) {
                    entryEquity = before * (1 - Math.abs(position) * unitCost);
                    stopPrice = price * (target > 0 ? longStop : shortStop);
                }
                factor *= 1 - Math.abs(target - position) * unitCost;
                position = target;
            }

            equity *= factor;
            double r = factor - 1;
            if (barReturns != null) {
                barReturns[i] = r;
            }
            sum += r;
            sumOfSquares += r * r;
            double downside = Math.min(r, 0);
            sumOfDownsideSquares += downside * downside;

            if (equity >= peak) {
                if (peakBar < i - 1) {
                    maxDrawdownBars = Math.max(maxDrawdownBars, i - peakBar);
                }
                peak = equity;
                peakBar = i;
                drawdownFloor = peak * (1 - maxDrawdown);
            } else if (equity < drawdownFloor) {
                maxDrawdown = Math.max(maxDrawdown, 1 - equity / peak);
                drawdownFloor = equity;
            }
        }
        if (peakBar < last) {
            maxDrawdownBars = Math.max(maxDrawdownBars, last - peakBar);
        }

        int n = to - from;
        double annualisation = Math.sqrt(bars.barsPerYear());
        double mean = sum / n;
        double deviation = Math.sqrt(Math.max(0, (sumOfSquares - sum * sum / n) / (n - 1)));
        double downsideDeviation = Math.sqrt(sumOfDownsideSquares / n);
        double cagr = equity > 0 ? Math.pow(equity, bars.barsPerYear() / n) - 1 : -1;
        return new Metrics(
                equity - 1,
                cagr,
                deviation * annualisation,
                ratio(mean, deviation) * annualisation,
                ratio(mean, downsideDeviation) * annualisation,
                maxDrawdown == 0 ? Double.NaN : cagr / maxDrawdown,
                maxDrawdown,
                maxDrawdownBars,
                trades == 0 ? Double.NaN : (double) wins / trades,
                grossLoss == 0 ? Double.NaN : grossWin / grossLoss,
                trades,
                (double) exposed / n,
                n);
    }

    // Returns that are all exactly 0 (never in the market) have a ratio of 0; any other zero deviation is undefined.
    private static double ratio(double mean, double deviation) {
        if (deviation == 0) {
            return mean == 0 ? 0 : Double.NaN;
        }
        return mean / deviation;
    }

    /**
     * The equity over a window from its bar returns, as {@link #run} wrote them: {@code curve[0] = 1} is the equity
     * before the window, and {@code curve[k]} for {@code k >= 1} the equity at the close of bar {@code from + k - 1},
     * so the curve has {@code to - from + 1} points.
     */
    public static double[] equityCurve(double[] barReturns, int from, int to) {
        checkWindow(from, to, barReturns.length);
        double[] curve = new double[to - from + 1];
        curve[0] = 1;
        for (int i = from; i < to; i++) {
            curve[i - from + 1] = curve[i - from] * (1 + barReturns[i]);
        }
        return curve;
    }

    /**
     * The equity of buying at bar {@code from}'s close and holding to bar {@code to - 1}'s close without costs, in the
     * layout of {@link #equityCurve}: {@code curve[0] = curve[1] = 1}, and {@code curve[k] = close[from + k - 1] /
     * close[from]}.
     */
    public static double[] buyAndHold(Bars bars, int from, int to) {
        checkWindow(from, to, bars.size());
        double[] close = bars.close();
        double[] curve = new double[to - from + 1];
        curve[0] = 1;
        for (int i = from; i < to; i++) {
            curve[i - from + 1] = close[i] / close[from];
        }
        return curve;
    }

    private static void checkWindow(int from, int to, int size) {
        if (from < 0 || to > size || to - from < 2) {
            throw new IllegalArgumentException("A backtest window [" + from + ", " + to
                    + ") holds at least two bars (one to enter at, one to exit at) within the " + size + " bars");
        }
    }
}
