package io.tickflow.common.contract.analysis;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Limits a parameter set must respect to count as a result: a backtest outside them is discarded, whatever its
 * objective value.
 *
 * @param minTrades the fewest trades a backtest must make; {@value #DEFAULT_MIN_TRADES} by default
 * @param maxDrawdown the deepest peak-to-trough loss allowed, as a fraction ({@code 0.25} is 25%); no limit by default
 */
public record Constraints(Integer minTrades, @Nullable BigDecimal maxDrawdown) {

    /** The fewest trades when a request gives no minimum: fewer say little about a strategy. */
    public static final int DEFAULT_MIN_TRADES = 10;

    /**
     * Fills in defaults for what is absent.
     *
     * @param minTrades the fewest trades, or {@code null} for {@value #DEFAULT_MIN_TRADES}
     * @param maxDrawdown the deepest loss as a fraction, or {@code null} for no limit
     */
    public Constraints(@Nullable Integer minTrades, @Nullable BigDecimal maxDrawdown) {
        this.minTrades = minTrades == null ? DEFAULT_MIN_TRADES : minTrades;
        this.maxDrawdown = maxDrawdown;
        if (this.minTrades < 0) {
            throw new IllegalArgumentException("minTrades is not negative: " + minTrades);
        }
        if (maxDrawdown != null && (maxDrawdown.signum() <= 0 || maxDrawdown.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("maxDrawdown is a fraction above 0 and at most 1: " + maxDrawdown);
        }
    }

    /** All defaults. */
    public static Constraints defaults() {
        return new Constraints(null, null);
    }
}
