package io.tickflow.analysis.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.analysis.AnalysisWorkerApplication;
import io.tickflow.analysis.backtest.BacktestSettings;
import io.tickflow.analysis.backtest.Backtester;
import io.tickflow.analysis.backtest.Metrics;
import io.tickflow.analysis.engine.Bars;
import io.tickflow.analysis.engine.ParameterSet;
import io.tickflow.analysis.engine.indicator.Indicators;
import io.tickflow.analysis.strategy.Strategies;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.analysis.AnalysisCompleted;
import io.tickflow.common.contract.analysis.AnalysisEvent;
import io.tickflow.common.contract.analysis.AnalysisFailed;
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
import io.tickflow.localaws.junit.QueueDrainer;
import io.tickflow.testing.RunningService;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;

/**
 * analysis-worker against the embedded stack, as a user sees it: requests on the requests queue, outcomes on a queue of
 * one's own subscribed to the results topic, reports in S3. The candles are the real Bitstamp week from ta4j-examples.
 */
class AnalysisWorkerIntegrationTest {

    private static final Topology TOPOLOGY = Topology.tickflow();
    private static final LocalAwsClients AWS = LocalAwsExtension.sharedClients();
    private static final String VENUE = "it-analysis";
    private static final String SYMBOL = "BTC-USD";
    private static final Instant FROM = Instant.parse("2013-11-25T00:00:00Z");
    private static final Instant TO = Instant.parse("2013-12-02T00:00:00Z");
    private static final List<BitstampCandles.Candle> CANDLES = BitstampCandles.of(Interval.FIVE_MINUTES);

    private static RunningService service;
    private static Studies studies;

    @BeforeAll
    static void start() {
        service = RunningService.start(AnalysisWorkerApplication.class, "--tickflow.analysis.progress-interval=1s");
        studies = new Studies(
                AWS,
                TOPOLOGY,
                "{\"eventType\":[\"AnalysisProgress\",\"AnalysisCompleted\",\"AnalysisFailed\"],"
                        + "\"symbol\":[\"BTC-USD\",\"ETH-USD\",\"unknown\"]}");
        studies.seed(VENUE, SYMBOL, Interval.FIVE_MINUTES, CANDLES);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aGridStudyEndsAsAnAnalysisCompletedWithTheGridsBestAndAReportInS3() throws Exception {
        AnalysisRequest request = smaGrid(UUID.randomUUID(), "5", "20", "5", "30", "90", "20");
        studies.send(request);

        AnalysisCompleted completed =
                studies.await(request.requestId(), AnalysisCompleted.class, Duration.ofSeconds(120));

        // The same grid backtested here, one set after another, with the engine itself.
        Expected best = bestOfGrid(List.of(5, 10, 15, 20), List.of(30, 50, 70, 90));
        assertThat(completed.trials()).isEqualTo(16);
        assertThat(completed.bestParameters())
                .isEqualTo(Map.of("fast", new BigDecimal(best.fast()), "slow", new BigDecimal(best.slow())));
        assertThat(completed.objectiveValue().doubleValue())
                .isCloseTo(best.value(), org.assertj.core.data.Offset.offset(Math.abs(best.value()) * 1e-6));
        assertThat(completed.walkForward().folds()).hasSize(3);
        assertThat(completed.walkForward().folds().getFirst().inSampleFrom())
                .isEqualTo(Instant.ofEpochMilli(CANDLES.getFirst().openTime()));
        assertThat(completed.metrics()).containsKeys("sharpe", "maxDrawdown", "trades", "cagr");
        assertThat(completed.deflatedSharpe()).isNotNull();
        assertThat(completed.probabilityOfOverfitting()).isNotNull();
        assertThat(studies.events(request.requestId())).anyMatch(AnalysisProgress.class::isInstance);

        JsonNode report = ContractJson.mapper()
                .readTree(AWS.s3()
                        .getObjectAsBytes(r -> r.bucket(TOPOLOGY.bucket("data")).key(completed.reportKey()))
                        .asByteArray());
        assertThat(completed.reportKey())
                .isEqualTo("analytics/BTC-USD/sma-crossover/" + completed.jobId() + "/report.json");
        assertThat(report.path("schema").asString()).isEqualTo("tickflow.analysis-report.v1");
        assertThat(report.path("trials").asInt()).isEqualTo(16);
        HttpResponse<String> html = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(completed.reportUrl()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("<svg").contains("BTC-USD");

        Map<String, AttributeValue> job = AWS.dynamoDb()
                .getItem(r -> r.tableName(TOPOLOGY.table("analysis-jobs"))
                        .key(Map.of("jobId", AttributeValue.fromS(completed.jobId()))))
                .item();
        assertThat(job.get("status").s()).isEqualTo("COMPLETED");
    }

    @Test
    void aRedeliveredRequestAnnouncesTheSameOutcomeAgainWithoutASecondStudy() {
        AnalysisRequest request = smaGrid(UUID.randomUUID(), "5", "10", "5", "30", "50", "20");
        studies.send(request);
        AnalysisCompleted first = studies.await(request.requestId(), AnalysisCompleted.class, Duration.ofSeconds(120));

        studies.send(request);

        List<AnalysisEvent> events = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> studies.events(request.requestId()).stream()
                                .filter(AnalysisCompleted.class::isInstance)
                                .toList(),
                        completions -> completions.size() == 2);
        assertThat(events).allSatisfy(e -> assertThat(e.eventId()).isEqualTo(first.eventId()));
    }

    @Test
    void requestsThatCannotRunEndAsAnalysisFailedWithAReason() {
        UUID unknownStrategy = UUID.randomUUID();
        studies.send(request(unknownStrategy, SYMBOL, "momentum-magic", Map.of(), Optimizer.defaults()));
        UUID fastNotFaster = UUID.randomUUID();
        studies.send(smaChoices(fastNotFaster, List.of("50", "60"), List.of("20", "30")));
        UUID noData = UUID.randomUUID();
        studies.send(request(noData, "ETH-USD", "sma-crossover", Map.of(), Optimizer.defaults()));
        UUID tooLarge = UUID.randomUUID();
        studies.send(smaGrid(tooLarge, "2", "1000", "1", "3", "5000", "1"));
        UUID gridOverBudget = UUID.randomUUID();
        studies.send(request(
                gridOverBudget,
                SYMBOL,
                "sma-crossover",
                smaGrid(gridOverBudget, "5", "20", "5", "30", "90", "20").parameters(),
                new Optimizer(Optimizer.Method.GRID, 10, 7L)));
        UUID unknownParameter = UUID.randomUUID();
        studies.send(request(
                unknownParameter,
                SYMBOL,
                "sma-crossover",
                Map.of("fsat", new ParameterSpace.Choices(List.of(BigDecimal.TEN))),
                Optimizer.defaults()));

        assertThat(failure(unknownStrategy).reasonCode()).isEqualTo("UNKNOWN_STRATEGY");
        assertThat(failure(unknownStrategy).reason()).contains("sma-crossover");
        assertThat(failure(fastNotFaster).reasonCode()).isEqualTo("INVALID_PARAMETERS");
        assertThat(failure(fastNotFaster).reason()).contains("fast");
        assertThat(failure(noData).reasonCode()).isEqualTo("NO_DATA");
        assertThat(failure(tooLarge).reasonCode()).isEqualTo("INVALID_PARAMETERS");
        assertThat(failure(gridOverBudget).reasonCode()).isEqualTo("INVALID_PARAMETERS");
        assertThat(failure(gridOverBudget).reason()).contains("16 combinations");
        assertThat(failure(unknownParameter).reasonCode()).isEqualTo("INVALID_PARAMETERS");
        assertThat(failure(unknownParameter).reason()).contains("fsat");
    }

    @Test
    void anUnreadableRequestIsAnsweredWhenItNamesItsRequesterAndDeadLetteredWhenItDoesNot() {
        UUID requestId = UUID.randomUUID();
        studies.sendRaw("{\"schema\":\"tickflow.analysis-request.v1\",\"requestId\":\"" + requestId
                + "\",\"symbol\":\"BTC-USD\",\"strategy\":\"sma-crossover\",\"parameters\":{\"fast\":{\"min\":50,"
                + "\"max\":5}}}");
        studies.sendRaw("this is not json at all");

        AnalysisFailed failed = failure(requestId);
        assertThat(failed.reasonCode()).isEqualTo("INVALID_REQUEST");
        assertThat(failed.reason()).contains("tickflow.analysis-request.v1");
        List<Message> dead = new ArrayList<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            dead.addAll(
                    new QueueDrainer(AWS).drain(TOPOLOGY.queue("analysis-requests") + "-dlq", Duration.ofSeconds(1)));
            assertThat(dead).anySatisfy(m -> assertThat(m.body()).isEqualTo("this is not json at all"));
        });
        assertThat(dead).allSatisfy(m -> assertThat(
                        m.messageAttributes().get("rejectionCode").stringValue())
                .isEqualTo("INVALID_REQUEST"));
    }

    @Test
    void aCancelledStudyStopsAndEndsAsAnalysisFailedCancelled() throws Exception {
        AnalysisRequest request = request(
                UUID.randomUUID(),
                SYMBOL,
                "sma-crossover",
                Map.of(
                        "fast", new ParameterSpace.Range(BigDecimal.valueOf(2), BigDecimal.valueOf(200), null),
                        "slow", new ParameterSpace.Range(BigDecimal.valueOf(201), BigDecimal.valueOf(1500), null)),
                new Optimizer(Optimizer.Method.RANDOM, 50_000, 3L));
        studies.send(request);
        AnalysisProgress progress = studies.await(request.requestId(), AnalysisProgress.class, Duration.ofSeconds(60));

        HttpResponse<String> cancelled = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(service.baseUri().resolve("/api/v1/analyses/" + progress.jobId()))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(cancelled.statusCode()).isEqualTo(202);
        AnalysisFailed failed = failure(request.requestId());
        assertThat(failed.reasonCode()).isEqualTo("CANCELLED");
        Map<String, AttributeValue> job = AWS.dynamoDb()
                .getItem(r -> r.tableName(TOPOLOGY.table("analysis-jobs"))
                        .key(Map.of("jobId", AttributeValue.fromS(progress.jobId()))))
                .item();
        assertThat(job.get("status").s()).isEqualTo("CANCELLED");
        assertThat(Integer.parseInt(job.get("completedTrials").n())).isLessThan(50_000);
    }

    private AnalysisFailed failure(UUID requestId) {
        return studies.await(requestId, AnalysisFailed.class, Duration.ofSeconds(60));
    }

    static AnalysisRequest smaGrid(
            UUID id, String fastMin, String fastMax, String fastStep, String slowMin, String slowMax, String slowStep) {
        return request(
                id,
                SYMBOL,
                "sma-crossover",
                Map.of(
                        "fast",
                                new ParameterSpace.Range(
                                        new BigDecimal(fastMin), new BigDecimal(fastMax), new BigDecimal(fastStep)),
                        "slow",
                                new ParameterSpace.Range(
                                        new BigDecimal(slowMin), new BigDecimal(slowMax), new BigDecimal(slowStep))),
                new Optimizer(Optimizer.Method.GRID, 10_000, 7L));
    }

    private static AnalysisRequest smaChoices(UUID id, List<String> fast, List<String> slow) {
        return request(
                id,
                SYMBOL,
                "sma-crossover",
                Map.of(
                        "fast",
                                new ParameterSpace.Choices(
                                        fast.stream().map(BigDecimal::new).toList()),
                        "slow",
                                new ParameterSpace.Choices(
                                        slow.stream().map(BigDecimal::new).toList())),
                new Optimizer(Optimizer.Method.GRID, 100, 7L));
    }

    static AnalysisRequest request(
            UUID id, String symbol, String strategy, Map<String, ParameterSpace> parameters, Optimizer optimizer) {
        return new AnalysisRequest(
                id,
                Instant.now(),
                VENUE,
                symbol,
                Interval.FIVE_MINUTES,
                FROM,
                TO,
                strategy,
                parameters,
                optimizer,
                Objective.SHARPE,
                new Constraints(1, null),
                new Costs(BigDecimal.TEN, BigDecimal.valueOf(5)),
                Direction.LONG_ONLY,
                new WalkForward(3, WalkForward.Mode.ANCHORED, new BigDecimal("0.7")));
    }

    private record Expected(int fast, int slow, double value) {}

    private static Expected bestOfGrid(List<Integer> fasts, List<Integer> slows) {
        Bars bars = bars(CANDLES, Interval.FIVE_MINUTES);
        Indicators indicators = Indicators.of(bars);
        byte[] targets = new byte[bars.size()];
        Expected best = null;
        for (int fast : fasts) {
            for (int slow : slows) {
                ParameterSet set = ParameterSet.of(new TreeMap<>(Map.of("fast", (double) fast, "slow", (double) slow)));
                Strategies.byName("sma-crossover")
                        .orElseThrow()
                        .positions(indicators, set, Direction.LONG_ONLY, targets);
                Metrics metrics = Backtester.run(
                        bars,
                        targets,
                        BacktestSettings.of(new Costs(BigDecimal.TEN, BigDecimal.valueOf(5))),
                        0,
                        bars.size(),
                        null);
                double value = metrics.value(Objective.SHARPE);
                if (metrics.trades() >= 1 && Double.isFinite(value) && (best == null || value > best.value())) {
                    best = new Expected(fast, slow, value);
                }
            }
        }
        return best;
    }

    static Bars bars(List<BitstampCandles.Candle> candles, Interval interval) {
        int n = candles.size();
        long[] times = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            BitstampCandles.Candle c = candles.get(i);
            times[i] = c.openTime();
            open[i] = c.open().doubleValue();
            high[i] = c.high().doubleValue();
            low[i] = c.low().doubleValue();
            close[i] = c.close().doubleValue();
            volume[i] = c.volume().doubleValue();
        }
        return Bars.of(
                times, open, high, low, close, volume, interval.duration().toMillis());
    }
}
