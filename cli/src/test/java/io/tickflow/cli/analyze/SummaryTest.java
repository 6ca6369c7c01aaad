package io.tickflow.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.analysis.AnalysisCompleted;
import io.tickflow.common.contract.analysis.AnalysisRequest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The outcome as printed, from the contract's example request and its example completion. */
class SummaryTest {

    private final AnalysisRequest request =
            example(Contract.ANALYSIS_REQUEST, "sma-crossover-grid.json", AnalysisRequest.class);

    @Test
    void printsTheBestParametersTheirMetricsTheFoldsAndWhereTheReportIs() {
        AnalysisCompleted completed =
                example(Contract.ANALYSIS_COMPLETED, "sma-crossover-sharpe.json", AnalysisCompleted.class);

        String summary = Summary.of(request, completed, "tickflow-data");

        assertThat(summary)
                .containsPattern("Strategy +sma-crossover")
                .containsPattern("Instrument +BTC-USD at bitstamp, 1h candles")
                .containsPattern("Period +2023-01-01 to 2024-01-01")
                .containsPattern("Job +job-8f14e45f-ceea-467a-9575-6a3f2c1b0e9d")
                .containsPattern("Trials +336 \\(grid\\)")
                .containsPattern("Best parameters +fast=20, slow=120, stopLoss=0.05")
                .containsPattern("Objective +sharpe 1.5821")
                .containsPattern("Walk-forward +4 folds \\(anchored, 75% in sample\\), efficiency 0.7255")
                .containsPattern("Deflated Sharpe +0.9312")
                .containsPattern("PBO +0.18 \\(probability of backtest overfitting\\)")
                .containsPattern("Report +s3://tickflow-data/analytics/BTC-USD/sma-crossover/"
                        + "job-8f14e45f-ceea-467a-9575-6a3f2c1b0e9d/report.json")
                .contains("https://tickflow-data.s3.amazonaws.com/analytics/BTC-USD/sma-crossover/"
                        + "job-8f14e45f-ceea-467a-9575-6a3f2c1b0e9d/report.html")
                // One row per fold, in sample then out of sample, with the parameters chosen in sample.
                .containsPattern("1 +2023-01-01 to 2023-06-01 +2023-06-01 to 2023-07-24 +1.71 +1.12 +fast=20, slow=120,"
                        + " stopLoss=0.05")
                .containsPattern("3 +2023-01-01 to 2023-09-14 +2023-09-14 to 2023-11-06 +1.58 +1.31 +fast=20, slow=140,"
                        + " stopLoss=0.02")
                .containsPattern("IS sharpe +OOS sharpe");
        // The key metrics first, in a fixed order, then the others.
        assertThat(summary.indexOf("  sharpe ")).isLessThan(summary.indexOf("  sortino "));
        assertThat(summary.indexOf("  cagr ")).isLessThan(summary.indexOf("  maxDrawdown "));
        assertThat(summary.indexOf("  maxDrawdown ")).isLessThan(summary.indexOf("  trades "));
        assertThat(summary).containsPattern("  maxDrawdown +0.1843").containsPattern("  trades +87");
    }

    @Test
    void saysWhatCouldNotBeEstimated() {
        AnalysisCompleted completed =
                example(Contract.ANALYSIS_COMPLETED, "without-optional-estimates.json", AnalysisCompleted.class);

        String summary = Summary.of(request, completed, "tickflow-data");

        assertThat(summary)
                .contains("efficiency not estimated (the in-sample mean is not positive)")
                .containsPattern("Deflated Sharpe +not estimated")
                .containsPattern("PBO +not estimated")
                .containsPattern("Report +s3://tickflow-data/analytics/BTC-USD/rsi-reversion/")
                .doesNotContain("https://");
    }

    @Test
    void showsAtMostFourDecimals() {
        assertThat(Summary.number(new BigDecimal("1.234567"))).isEqualTo("1.2346");
        assertThat(Summary.number(new BigDecimal("0.50"))).isEqualTo("0.5");
        assertThat(Summary.number(new BigDecimal("120"))).isEqualTo("120");
        assertThat(Summary.number(new BigDecimal("-0.00004"))).isEqualTo("0");
    }

    private static <T> T example(Contract contract, String name, Class<T> type) {
        return contract.examples().stream()
                .filter(e -> e.name().equals(name))
                .map(e -> ContractJson.mapper().readValue(e.json(), type))
                .findFirst()
                .orElseThrow();
    }
}
