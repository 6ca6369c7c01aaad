package io.tickflow.common.contract.analysis;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Trading costs charged on every fill of a backtest, in basis points of the traded value (1 bp = 0.01%).
 *
 * @param feeBps the venue's fee; {@code 10} by default, a common taker fee
 * @param slippageBps the price lost to the spread and market impact; {@code 5} by default
 */
public record Costs(BigDecimal feeBps, BigDecimal slippageBps) {

    /** The fee when a request gives none. */
    public static final BigDecimal DEFAULT_FEE_BPS = BigDecimal.TEN;

    /** The slippage when a request gives none. */
    public static final BigDecimal DEFAULT_SLIPPAGE_BPS = BigDecimal.valueOf(5);

    /**
     * Fills in defaults for what is absent.
     *
     * @param feeBps the fee, or {@code null} for the default
     * @param slippageBps the slippage, or {@code null} for the default
     */
    public Costs(@Nullable BigDecimal feeBps, @Nullable BigDecimal slippageBps) {
        this.feeBps = feeBps == null ? DEFAULT_FEE_BPS : feeBps;
        this.slippageBps = slippageBps == null ? DEFAULT_SLIPPAGE_BPS : slippageBps;
        if (this.feeBps.signum() < 0 || this.slippageBps.signum() < 0) {
            throw new IllegalArgumentException("Costs are not negative: " + this.feeBps + ", " + this.slippageBps);
        }
    }

    /** All defaults. */
    public static Costs defaults() {
        return new Costs(null, null);
    }
}
