package io.tickflow.analysis.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.analysis.Objective;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final Metrics SOME = new Metrics(
            0.19311558261, // totalReturn
            1_234_567.89, // cagr
            0.4567891234, // annualVolatility
            2.000000049, // sharpe
            3.5, // sortino
            Double.NaN, // calmar
            0.1017991, // maxDrawdown
            4, // maxDrawdownBars
            0.5, // winRate
            Double.POSITIVE_INFINITY, // profitFactor
            2, // trades
            0.6666666666666666, // exposure
            6); // bars

    @Test
    void namesEveryFiniteMetricRoundedToSixSignificantDigits() {
        assertThat(SOME.asMap())
                .containsOnlyKeys(
                        "totalReturn",
                        "cagr",
                        "volatility",
                        "sharpe",
                        "sortino",
                        "maxDrawdown",
                        "maxDrawdownBars",
                        "winRate",
                        "trades",
                        "exposure");
        assertThat(SOME.asMap().get("totalReturn")).isEqualTo(new BigDecimal("0.193116"));
        assertThat(SOME.asMap().get("cagr").toString()).isEqualTo("1234570");
        assertThat(SOME.asMap().get("volatility")).isEqualTo(new BigDecimal("0.456789"));
        assertThat(SOME.asMap().get("sharpe")).isEqualByComparingTo("2");
        assertThat(SOME.asMap().get("maxDrawdown")).isEqualTo(new BigDecimal("0.101799"));
        assertThat(SOME.asMap().get("maxDrawdownBars")).isEqualTo(new BigDecimal("4"));
        assertThat(SOME.asMap().get("trades")).isEqualTo(new BigDecimal("2"));
        assertThat(SOME.asMap().get("exposure")).isEqualTo(new BigDecimal("0.666667"));
    }

    @Test
    void allTwelveNamesArePresentWhenEveryMetricIsFinite() {
        Metrics finite = new Metrics(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 8, 0.9, 1.1, 12, 0.13, 14);
        assertThat(finite.asMap())
                .containsOnlyKeys(
                        "totalReturn",
                        "cagr",
                        "volatility",
                        "sharpe",
                        "sortino",
                        "calmar",
                        "maxDrawdown",
                        "maxDrawdownBars",
                        "winRate",
                        "profitFactor",
                        "trades",
                        "exposure");
        assertThat(finite.asMap().get("calmar")).isEqualTo(new BigDecimal("0.6"));
    }

    @Test
    void theObjectiveValueIsTheNamedMetric() {
        assertThat(SOME.value(Objective.SHARPE)).isEqualTo(2.000000049);
        assertThat(SOME.value(Objective.SORTINO)).isEqualTo(3.5);
        assertThat(SOME.value(Objective.CAGR)).isEqualTo(1_234_567.89);
        assertThat(SOME.value(Objective.CALMAR)).isNaN();
        assertThat(SOME.value(Objective.PROFIT_FACTOR)).isInfinite();
    }
}
