package io.tickflow.common.contract.analysis;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an optimisation maximises over a backtest's returns. */
public enum Objective {
    /** Annualised mean excess return over its standard deviation. */
    SHARPE("sharpe"),
    /** Like Sharpe, with only downside deviation in the denominator. */
    SORTINO("sortino"),
    /** Annualised return over maximum drawdown. */
    CALMAR("calmar"),
    /** Compound annual growth rate. */
    CAGR("cagr"),
    /** Gross profit over gross loss. */
    PROFIT_FACTOR("profit-factor");

    private final String wireName;

    Objective(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON and in the {@code objective} message attribute. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
