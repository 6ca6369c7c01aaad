package io.tickflow.analysis.report;

import io.tickflow.common.contract.analysis.Constraints;
import io.tickflow.common.contract.analysis.Costs;
import io.tickflow.common.contract.analysis.Direction;
import io.tickflow.common.contract.analysis.Objective;
import io.tickflow.common.contract.analysis.WalkForwardResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A study made of known numbers: random-walk equity curves of {@value #BARS} five-minute bars, a grid of 10 × 8 × 2
 * trials whose best cell is planted at fast 30, slow 100 (value {@value #BEST}), with every fast 5 trial infeasible,
 * and four walk-forward folds, the last one losing out of sample.
 */
final class SyntheticStudy {

    static final int BARS = 5_000;
    static final double BEST = 2.5;
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    final long[] times = new long[BARS];
    final double[] strategy = new double[BARS];
    final double[] buyAndHold = new double[BARS];

    SyntheticStudy() {
        Random random = new Random(42);
        strategy[0] = 1;
        buyAndHold[0] = 1;
        for (int i = 0; i < BARS; i++) {
            times[i] = START.plus(Duration.ofMinutes(5L * i)).toEpochMilli();
            if (i > 0) {
                strategy[i] = strategy[i - 1] * (1 + 0.0003 + 0.004 * random.nextGaussian());
                buyAndHold[i] = buyAndHold[i - 1] * (1 + 0.0001 + 0.005 * random.nextGaussian());
            }
        }
    }

    StudyReport report() {
        return report("BTCUSDT", allTrials(), List.of(-1.2, -0.4, 0.3, 0.8, 1.1, 1.9, 2.4, -0.1, 0.6, 1.4));
    }

    StudyReport report(String symbol, List<TrialPoint> trials, List<Double> pboLogits) {
        return new StudyReport(
                "job-7",
                UUID.fromString("8c6a2f4e-0b1d-4c1e-9f1a-2b3c4d5e6f70"),
                Instant.parse("2024-01-20T08:15:00Z"),
                "binance",
                symbol,
                "5m",
                "sma-cross",
                "grid",
                Objective.SHARPE,
                Direction.LONG_ONLY,
                Costs.defaults(),
                new Constraints(20, new BigDecimal("0.3")),
                START,
                Instant.ofEpochMilli(times[BARS - 1]).plus(Duration.ofMinutes(5)),
                BARS,
                new TreeMap<>(Map.of(
                        "fast", new BigDecimal("30"), "slow", new BigDecimal("100"), "stop", new BigDecimal("0.02"))),
                new BigDecimal("2.5000"),
                new TreeMap<>(Map.ofEntries(
                        Map.entry("sharpe", new BigDecimal("2.5")),
                        Map.entry("sortino", new BigDecimal("3.14159")),
                        Map.entry("cagr", new BigDecimal("0.4213")),
                        Map.entry("totalReturn", new BigDecimal("0.0712")),
                        Map.entry("maxDrawdown", new BigDecimal("-0.12345")),
                        Map.entry("winRate", new BigDecimal("0.55")),
                        Map.entry("profitFactor", new BigDecimal("1.4")),
                        Map.entry("trades", new BigDecimal("87")),
                        Map.entry("exposure", new BigDecimal("0.61")),
                        Map.entry("volatility", new BigDecimal("0.35")),
                        Map.entry("calmar", new BigDecimal("3.4")),
                        Map.entry("maxDrawdownBars", new BigDecimal("640")))),
                trials.size(),
                EquityCurve.downsample(times, strategy, buyAndHold),
                trials,
                walkForward(),
                new BigDecimal("0.91"),
                new BigDecimal("0.2"),
                pboLogits);
    }

    /** fast 5..50 by 5, slow 20..160 by 20, stop 0.01 or 0.02: a smooth hill peaking at fast 30, slow 100, stop 0.02. */
    static List<TrialPoint> allTrials() {
        List<TrialPoint> trials = new ArrayList<>();
        for (int fast = 5; fast <= 50; fast += 5) {
            for (int slow = 20; slow <= 160; slow += 20) {
                for (String stop : List.of("0.01", "0.02")) {
                    double value = fast == 5
                            ? Double.NaN
                            : BEST
                                    - Math.pow((fast - 30) / 10.0, 2)
                                    - Math.pow((slow - 100) / 40.0, 2)
                                    - (stop.equals("0.01") ? 0.5 : 0);
                    trials.add(TrialPoint.of(
                            Map.of(
                                    "fast",
                                    BigDecimal.valueOf(fast),
                                    "slow",
                                    BigDecimal.valueOf(slow),
                                    "stop",
                                    new BigDecimal(stop)),
                            value));
                }
            }
        }
        return trials;
    }

    static WalkForwardResult walkForward() {
        List<WalkForwardResult.Fold> folds = new ArrayList<>();
        String[] outOfSample = {"1.10", "0.80", "1.45", "-0.60"};
        for (int i = 0; i < 4; i++) {
            Instant from = START.plus(Duration.ofDays(2L * i));
            Instant split = from.plus(Duration.ofDays(7));
            folds.add(new WalkForwardResult.Fold(
                    from,
                    split,
                    split,
                    split.plus(Duration.ofDays(2)),
                    Map.of("fast", BigDecimal.valueOf(25 + 5L * i), "slow", new BigDecimal("100")),
                    new BigDecimal("2.0" + i),
                    new BigDecimal(outOfSample[i])));
        }
        return new WalkForwardResult(folds, new BigDecimal("0.3457"));
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
