package io.tickflow.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.aws.sns.SnsEventPublisher;
import io.tickflow.common.aws.sns.TopicArns;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.analysis.AnalysisCompleted;
import io.tickflow.common.contract.analysis.AnalysisFailed;
import io.tickflow.common.contract.analysis.AnalysisProgress;
import io.tickflow.common.contract.analysis.AnalysisRequest;
import io.tickflow.common.contract.analysis.Objective;
import io.tickflow.common.contract.analysis.Optimizer;
import io.tickflow.common.contract.analysis.ParameterSpace;
import io.tickflow.common.contract.analysis.WalkForwardResult;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.Endpoints;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.localaws.junit.QueueDrainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * {@code analyze} against the embedded stack, with the test playing analysis-worker: it takes the request from the
 * requests queue and publishes the study's events on the results topic, as the worker does.
 */
@ExtendWith(LocalAwsExtension.class)
class AnalyzeCommandTest {

    private static final Topology TOPOLOGY = Topology.tickflow();
    private static final String REQUESTS = TOPOLOGY.queue("analysis-requests");
    private static final String RESULTS = TOPOLOGY.topic("analysis-results");
    private static final UUID REQUEST_ID = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e");
    private static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");
    private static final String JOB = "job-" + REQUEST_ID;
    private static final String REPORT_KEY = "analytics/BTC-USD/sma-crossover/" + JOB + "/report.json";

    private final Endpoints endpoints;
    private final LocalAwsClients aws;
    private final SnsEventPublisher worker;
    private final String topicArn;

    AnalyzeCommandTest(Endpoints endpoints, LocalAwsClients aws) {
        this.endpoints = endpoints;
        this.aws = aws;
        this.topicArn = new TopicArns(aws.sns()).lookup(RESULTS).get();
        this.worker = new SnsEventPublisher(aws.sns(), () -> topicArn, 10);
    }

    @BeforeEach
    void emptyTheRequestQueue() {
        new QueueDrainer(aws).drain(REQUESTS, Duration.ofSeconds(1));
    }

    @Test
    void sendsTheRequestItBuiltAndPrintsTheOutcomeOfItsOwnStudyOnly() throws Exception {
        CompletableFuture<Run> run = start(
                "btc-usd",
                "1h",
                "--venue",
                "bitstamp",
                "--strategy",
                "sma-crossover",
                "--from",
                "2023-01-01",
                "--to",
                "2024-01-01",
                "--param",
                "fast=5:50:5",
                "--param",
                "stopLoss=0.02,0.05",
                "--trials",
                "200",
                "--timeout",
                "2m");

        Message sent = nextRequest();
        AnalysisRequest request = ContractJson.mapper().readValue(sent.body(), AnalysisRequest.class);
        assertThat(request)
                .isEqualTo(new AnalysisRequest(
                        REQUEST_ID,
                        NOW,
                        "bitstamp",
                        "BTC-USD",
                        Interval.ONE_HOUR,
                        Instant.parse("2023-01-01T00:00:00Z"),
                        Instant.parse("2024-01-01T00:00:00Z"),
                        "sma-crossover",
                        Map.of(
                                "fast",
                                new ParameterSpace.Range(
                                        new BigDecimal("5"), new BigDecimal("50"), new BigDecimal("5")),
                                "stopLoss",
                                new ParameterSpace.Choices(List.of(new BigDecimal("0.02"), new BigDecimal("0.05")))),
                        new Optimizer(null, 200, null),
                        null,
                        null,
                        null,
                        null,
                        null));
        assertThat(sent.messageAttributes())
                .containsEntry("eventType", text("AnalysisRequested"))
                .containsEntry("symbol", text("BTC-USD"))
                .containsEntry("strategy", text("sma-crossover"))
                .containsEntry("objective", text("sharpe"));
        // The inbox is there before the request is: whatever the worker publishes from now on reaches the CLI.
        assertThat(inboxes()).hasSize(1);
        assertThat(inboxSubscriptions()).hasSize(1);
        assertThat(aws.sns()
                        .getSubscriptionAttributes(r -> r.subscriptionArn(
                                inboxSubscriptions().getFirst().subscriptionArn()))
                        .attributes())
                .containsEntry("RawMessageDelivery", "true")
                .containsEntry("FilterPolicy", "{\"symbol\":[\"BTC-USD\"],\"strategy\":[\"sma-crossover\"]}");

        UUID otherRequest = UUID.randomUUID();
        worker.publish(List.of(completed(otherRequest, "job-" + otherRequest, "analytics/other/report.json")));
        worker.publish(List.of(progress(REQUEST_ID, 120, 200, new BigDecimal("1.25"))));
        worker.publish(List.of(completed(REQUEST_ID, JOB, REPORT_KEY)));

        Run done = run.get(60, TimeUnit.SECONDS);
        assertThat(done.exitCode()).as(done.toString()).isZero();
        assertThat(done.out())
                .containsPattern("Job +" + JOB)
                .containsPattern("Best parameters +fast=20, stopLoss=0.05")
                .containsPattern("Objective +sharpe 1.5821")
                .containsPattern("Walk-forward +1 fold \\(rolling, 70% in sample\\), efficiency 0.65")
                .containsPattern("Deflated Sharpe +0.93")
                .containsPattern("PBO +0.18")
                .containsPattern("Report +s3://tickflow-data/" + REPORT_KEY)
                .contains("http://127.0.0.1/reports/" + JOB + ".html")
                .doesNotContain("analytics/other");
        assertThat(done.err()).contains("request " + REQUEST_ID).contains("120 of 200 trials, best sharpe 1.25");
        assertThat(inboxes()).isEmpty();
        assertThat(inboxSubscriptions()).isEmpty();
    }

    @Test
    void reportsAFailedStudyWithItsReasonAndExitsWithOne() throws Exception {
        CompletableFuture<Run> run = start(
                "ETH-USD",
                "5m",
                "--venue",
                "kraken",
                "--strategy",
                "rsi-reversion",
                "--from",
                "2023-03-13",
                "--to",
                "2023-03-15",
                "--timeout",
                "2m");
        AnalysisRequest request = ContractJson.mapper().readValue(nextRequest().body(), AnalysisRequest.class);

        worker.publish(List.of(new AnalysisFailed(
                UUID.randomUUID(),
                NOW,
                JOB,
                request.requestId(),
                "ETH-USD",
                "rsi-reversion",
                "NO_DATA",
                "No 5m candles of ETH-USD at kraken between 2023-03-13 and 2023-03-15; publish trades first")));

        Run done = run.get(60, TimeUnit.SECONDS);
        assertThat(done.exitCode()).as(done.toString()).isEqualTo(1);
        assertThat(done.err())
                .contains("NO_DATA: No 5m candles of ETH-USD at kraken between 2023-03-13 and 2023-03-15")
                .contains(JOB);
        assertThat(done.out()).isEmpty();
        assertThat(inboxes()).isEmpty();
        assertThat(inboxSubscriptions()).isEmpty();
    }

    @Test
    void givesUpAfterTheTimeoutNamingTheJobThatMayStillRun() throws Exception {
        CompletableFuture<Run> run = start(
                "BTC-USD",
                "1d",
                "--venue",
                "bitstamp",
                "--strategy",
                "sma-crossover",
                "--from",
                "2020-01-01",
                "--to",
                "2021-01-01",
                "--timeout",
                "3s");
        nextRequest();

        worker.publish(List.of(progress(REQUEST_ID, 10, 100, null)));

        Run done = run.get(60, TimeUnit.SECONDS);
        assertThat(done.exitCode()).as(done.toString()).isEqualTo(1);
        assertThat(done.err())
                .contains("10 of 100 trials, no trial has met the constraints yet")
                .contains("no outcome after 3s; the study may still be running (job " + JOB + ")");
        assertThat(inboxes()).isEmpty();
        assertThat(inboxSubscriptions()).isEmpty();
    }

    @Test
    void withoutWaitingSendsTheRequestAndPrintsItsId() throws Exception {
        Run done = start(
                        "BTC-USD",
                        "1h",
                        "--venue",
                        "bitstamp",
                        "--strategy",
                        "sma-crossover",
                        "--from",
                        "2023-01-01",
                        "--to",
                        "2023-02-01",
                        "--no-wait")
                .get(60, TimeUnit.SECONDS);

        assertThat(done.exitCode()).as(done.toString()).isZero();
        assertThat(done.out()).isEqualTo(REQUEST_ID + System.lineSeparator());
        assertThat(ContractJson.mapper()
                        .readValue(nextRequest().body(), AnalysisRequest.class)
                        .requestId())
                .isEqualTo(REQUEST_ID);
        assertThat(inboxes()).isEmpty();
    }

    @Test
    void refusesAWrongCommandLineWithStatusTwoBeforeTouchingAws() throws Exception {
        Run done = start("BTC-USD", "1h", "--strategy", "sma-crossover").get(60, TimeUnit.SECONDS);

        assertThat(done.exitCode()).isEqualTo(2);
        assertThat(done.err()).contains("tickflow analyze: ").contains("See ./tickflow analyze --help");
        assertThat(new QueueDrainer(aws).drain(REQUESTS, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void saysSoWhenTheStackIsNotRunning() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(endpoints.environment());
        env.put("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:1");

        Run done = run(
                env,
                "BTC-USD",
                "1h",
                "--venue",
                "bitstamp",
                "--strategy",
                "s",
                "--from",
                "2023-01-01",
                "--to",
                "2023-02-01");

        assertThat(done.exitCode()).isEqualTo(1);
        assertThat(done.err()).startsWith("tickflow analyze: ").contains("127.0.0.1:1");
        assertThat(inboxes()).isEmpty();
    }

    /** What the worker would publish when done; the figures are the contract example's. */
    private static AnalysisCompleted completed(UUID requestId, String jobId, String reportKey) {
        Map<String, BigDecimal> best = Map.of("fast", new BigDecimal("20"), "stopLoss", new BigDecimal("0.05"));
        return new AnalysisCompleted(
                UUID.randomUUID(),
                NOW,
                jobId,
                requestId,
                "bitstamp",
                "BTC-USD",
                Interval.ONE_HOUR,
                "sma-crossover",
                Objective.SHARPE,
                new BigDecimal("1.5821"),
                best,
                Map.of("sharpe", new BigDecimal("1.5821"), "trades", new BigDecimal("87")),
                200,
                new WalkForwardResult(
                        List.of(new WalkForwardResult.Fold(
                                Instant.parse("2023-01-01T00:00:00Z"),
                                Instant.parse("2023-09-01T00:00:00Z"),
                                Instant.parse("2023-09-01T00:00:00Z"),
                                Instant.parse("2024-01-01T00:00:00Z"),
                                best,
                                new BigDecimal("1.7"),
                                new BigDecimal("1.1"))),
                        new BigDecimal("0.65")),
                new BigDecimal("0.93"),
                new BigDecimal("0.18"),
                reportKey,
                URI.create("http://127.0.0.1/reports/" + jobId + ".html"));
    }

    private static AnalysisProgress progress(UUID requestId, int done, int total, @Nullable BigDecimal best) {
        return new AnalysisProgress(
                UUID.randomUUID(), NOW, "job-" + requestId, requestId, "BTC-USD", "sma-crossover", done, total, best);
    }

    /** The request the CLI sent, taken off the queue as the worker takes it. */
    private Message nextRequest() {
        String url = aws.sqs().getQueueUrl(r -> r.queueName(REQUESTS)).queueUrl();
        for (int attempt = 0; attempt < 6; attempt++) {
            List<Message> messages = aws.sqs()
                    .receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(5).messageAttributeNames("All"))
                    .messages();
            if (!messages.isEmpty()) {
                assertThat(messages).hasSize(1);
                aws.sqs().deleteMessage(r -> r.queueUrl(url)
                        .receiptHandle(messages.getFirst().receiptHandle()));
                return messages.getFirst();
            }
        }
        throw new AssertionError("the CLI sent no request to " + REQUESTS);
    }

    private List<String> inboxes() {
        return aws.sqs()
                .listQueues(r -> r.queueNamePrefix(AnalyzeCommand.INBOX_PREFIX))
                .queueUrls();
    }

    private List<Subscription> inboxSubscriptions() {
        return aws.sns().listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions().stream()
                .filter(s -> s.endpoint().contains(AnalyzeCommand.INBOX_PREFIX))
                .toList();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    private CompletableFuture<Run> start(String... args) {
        CompletableFuture<Run> run = new CompletableFuture<>();
        Thread.ofPlatform().name("tickflow-analyze-under-test").start(() -> {
            try {
                run.complete(run(endpoints.environment(), args));
            } catch (Throwable e) {
                run.completeExceptionally(e);
            }
        });
        return run;
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new AnalyzeCommand(env, outStream, errStream, Clock.fixed(NOW, ZoneOffset.UTC), () -> REQUEST_ID)
                    .run(new ArrayList<>(List.of(args)));
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** One run of the command and what it printed. */
    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
