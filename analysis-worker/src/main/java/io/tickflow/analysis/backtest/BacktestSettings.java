package io.tickflow.analysis.backtest;

import io.tickflow.common.contract.analysis.Costs;

/**
 * How a backtest trades: what each fill costs and when a losing position is cut.
 *
 * @param feeBps the venue's fee, in basis points of the traded value
 * @param slippageBps the price lost to spread and market impact, in basis points of the traded value
 * @param stopLoss the adverse move from the entry price, as a fraction ({@code 0.05} is 5%), at which a position is
 *     closed; NaN for no stop loss
 */
public record BacktestSettings(double feeBps, double slippageBps, double stopLoss) {

    /**
     * @throws IllegalArgumentException if a cost is negative or not finite, the costs add up to 5,000 bps or more (a
     *     reversal, which trades twice the equity, would then cost all of it), or the stop loss is neither NaN nor
     *     strictly between 0 and 1
     */
    public BacktestSettings {
        if (!(feeBps >= 0 && Double.isFinite(feeBps) && slippageBps >= 0 && Double.isFinite(slippageBps))) {
            throw new IllegalArgumentException(
                    "Costs are finite and not negative: fee " + feeBps + " bps, slippage " + slippageBps + " bps");
        }
        if (feeBps + slippageBps >= 5_000) {
            throw new IllegalArgumentException(
                    "Fee and slippage together stay below 5,000 bps: " + (feeBps + slippageBps));
        }
        if (!Double.isNaN(stopLoss) && !(stopLoss > 0 && stopLoss < 1)) {
            throw new IllegalArgumentException("A stop loss is a fraction strictly between 0 and 1: " + stopLoss);
        }
    }

    /** The costs of a request, without a stop loss. */
    public static BacktestSettings of(Costs costs) {
        return new BacktestSettings(
                costs.feeBps().doubleValue(), costs.slippageBps().doubleValue(), Double.NaN);
    }

    /** The same costs with the given stop loss (NaN for none). */
    public BacktestSettings withStopLoss(double stopLoss) {
        return new BacktestSettings(feeBps, slippageBps, stopLoss);
    }

    /** Whether positions are cut by a stop loss. */
    public boolean hasStopLoss() {
        return !Double.isNaN(stopLoss);
    }

    /** The cost of trading one unit of equity: fee and slippage as a fraction. */
    double costPerUnit() {
        return (feeBps + slippageBps) / 10_000;
    }
}
