package io.tickflow.analysis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickflow.analysis.AnalysisWorkerApplication;
import io.tickflow.analysis.backtest.BacktestSettings;
import io.tickflow.analysis.backtest.Backtester;
import io.tickflow.analysis.backtest.Metrics;
import io.tickflow.analysis.engine.Bars;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.engine.indicator.Indicators;
import io.tickflow.analysis.strategy.Strategies;
import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.analysis.AnalysisCompleted;
import io.tickflow.common.contract.analysis.AnalysisProgress;
import io.tickflow.common.contract.analysis.AnalysisRequest;
import io.tickflow.common.contract.analysis.Constraints;
import io.tickflow.common.contract.analysis.Costs;
import io.tickflow.common.contract.analysis.Direction;
import io.tickflow.common.contract.analysis.Objective;
import io.tickflow.common.contract.analysis.Optimizer;
import io.tickflow.common.contract.analysis.ParameterSpace;
import io.tickflow.common.contract.analysis.WalkForward;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.localaws.provision.TopologyProvisioner;
import io.tickflow.testing.ChildService;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A worker killed with SIGKILL in the middle of a study it coordinates: the request reappears once its heartbeat
 * stops, the next worker resumes the study, reuses the trial batches already stored, and the outcome is the one an
 * uninterrupted study gives. Runs on a topology of its own (prefix {@code acrash}).
 */
class StudyCrashTest {

    private static final Topology TOPOLOGY = Topology.tickflow("acrash");
    private static final LocalAwsClients AWS = LocalAwsExtension.sharedClients();
    private static final List<Integer> FASTS =
            java.util.stream.IntStream.rangeClosed(2, 101).boxed().toList();
    private static final List<Integer> SLOWS = java.util.stream.IntStream.iterate(110, s -> s <= 1090, s -> s + 20)
            .boxed()
            .toList();

    /** The workers' logs stay in target/ for whoever reads a failure. */
    private final Path dir = Path.of("target", "study-crash-test");

    @Test
    void aStudyWhoseWorkerIsKilledCompletesOnTheNextWorkerWithTheSameOutcome() throws Exception {
        java.nio.file.Files.createDirectories(dir);
        new TopologyProvisioner(LocalAwsExtension.shared().endpoints()).provision(TOPOLOGY);
        List<BitstampCandles.Candle> candles = BitstampCandles.of(Interval.ONE_MINUTE);
        Studies studies = new Studies(AWS, TOPOLOGY, "{\"symbol\":[\"BTC-USD\"]}");
        studies.seed("crash", "BTC-USD", Interval.ONE_MINUTE, candles);
        AnalysisRequest request = new AnalysisRequest(
                UUID.randomUUID(),
                Instant.now(),
                "crash",
                "BTC-USD",
                Interval.ONE_MINUTE,
                Instant.parse("2013-11-25T00:00:00Z"),
                Instant.parse("2013-12-02T00:00:00Z"),
                "sma-crossover",
                Map.of(
                        "fast",
                                new ParameterSpace.Range(
                                        BigDecimal.valueOf(2), BigDecimal.valueOf(101), BigDecimal.ONE),
                        "slow",
                                new ParameterSpace.Range(
                                        BigDecimal.valueOf(110), BigDecimal.valueOf(1090), BigDecimal.valueOf(20))),
                new Optimizer(Optimizer.Method.GRID, 5_000, 1L),
                Objective.SHARPE,
                new Constraints(1, null),
                Costs.defaults(),
                Direction.LONG_ONLY,
                new WalkForward(3, WalkForward.Mode.ROLLING, null));
        Map<String, String> aws = LocalAwsExtension.shared().endpoints().springProperties();
        String[] settings = {
            "--tickflow.resource-prefix=acrash",
            "--tickflow.analysis.lease=6s",
            "--tickflow.analysis.trial-threads=1",
            "--tickflow.analysis.progress-interval=1s"
        };

        try (ChildService first =
                ChildService.start(AnalysisWorkerApplication.class, aws, dir.resolve("first.log"), settings)) {
            studies.send(request);
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> studies.events(request.requestId()).stream()
                            .filter(AnalysisProgress.class::isInstance)
                            .map(AnalysisProgress.class::cast)
                            .anyMatch(p -> p.completedTrials() >= 2_000));
            first.kill();
        }
        assertThat(studies.events(request.requestId())).noneMatch(AnalysisCompleted.class::isInstance);

        try (ChildService second =
                ChildService.start(AnalysisWorkerApplication.class, aws, dir.resolve("second.log"), settings)) {
            AnalysisCompleted completed =
                    studies.await(request.requestId(), AnalysisCompleted.class, Duration.ofSeconds(240));

            int[] best = bestOfGrid(AnalysisWorkerIntegrationTest.bars(candles, Interval.ONE_MINUTE));
            assertThat(completed.trials()).isEqualTo(5_000);
            assertThat(completed.bestParameters())
                    .isEqualTo(Map.of("fast", new BigDecimal(best[0]), "slow", new BigDecimal(best[1])));
            // The second worker backtested only what the first had not stored: 5,000 trials over the whole period and
            // 5,000 per fold in all.
            double backtested = second.counter("tickflow_analysis_trials_total");
            assertThat(backtested).isGreaterThan(0).isLessThan(4 * 5_000 - 1_000);
        }
    }

    private static int[] bestOfGrid(Bars bars) {
        Indicators indicators = Indicators.of(bars);
        byte[] targets = new byte[bars.size()];
        int[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int fast : FASTS) {
            for (int slow : SLOWS) {
                ParameterSet set = ParameterSet.of(new TreeMap<>(Map.of("fast", (double) fast, "slow", (double) slow)));
                Strategies.byName("sma-crossover")
                        .orElseThrow()
                        .positions(indicators, set, Direction.LONG_ONLY, targets);
                Metrics metrics =
                        Backtester.run(bars, targets, BacktestSettings.of(Costs.defaults()), 0, bars.size(), null);
                double value = metrics.value(Objective.SHARPE);
                if (metrics.trades() >= 1 && Double.isFinite(value) && value > bestValue) {
                    bestValue = value;
                    best = new int[] {fast, slow};
                }
            }
        }
        return best;
    }
}
