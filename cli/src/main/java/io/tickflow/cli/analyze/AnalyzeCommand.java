package io.tickflow.cli.analyze;

import io.tickflow.cli.aws.AwsClients;
import io.tickflow.cli.aws.AwsErrors;
import io.tickflow.common.aws.sns.TopicArns;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.analysis.AnalysisCompleted;
import io.tickflow.common.contract.analysis.AnalysisEvent;
import io.tickflow.common.contract.analysis.AnalysisFailed;
import io.tickflow.common.contract.analysis.AnalysisProgress;
import io.tickflow.common.contract.analysis.AnalysisRequest;
import io.tickflow.common.topology.Topology;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * {@code ./tickflow analyze SYMBOL INTERVAL --strategy NAME ...}: asks analysis-worker to optimise a strategy, shows
 * the study's progress and prints its outcome (see {@link #HELP}).
 *
 * <p>Before the request is sent, a temporary queue of this run is subscribed to the {@code analysis-results} topic
 * ({@link ResultsInbox}), so that no event of the study can be published before the CLI listens; the queue and its
 * subscription are removed when the command ends, Ctrl-C included.
 */
public final class AnalyzeCommand {

    /** Exit statuses. */
    public static final int OK = 0;

    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** The temporary queues' names start with this; a random suffix makes each run's its own. */
    static final String INBOX_PREFIX = Topology.DEFAULT_PREFIX + "-cli-analyze-";

    public static final String HELP =
            """
            Usage: ./tickflow analyze SYMBOL INTERVAL --strategy NAME --venue NAME --from TIME --to TIME [options]
                   ./tickflow analyze --request FILE.json [--no-wait] [--timeout 30m]

            Asks analysis-worker to optimise a strategy on the candles of SYMBOL (e.g. BTC-USD) at INTERVAL (1m, 5m,
            1h or 1d) from --from up to --to (ISO-8601 instants, 2013-11-25T10:00:00Z, or UTC dates, 2013-11-25),
            shows the study's progress on standard error and prints its outcome: the best parameters, their
            metrics, the walk-forward check, the deflated Sharpe ratio, the probability of backtest overfitting and
            where the report is.

            Request
              --strategy NAME            the strategy, e.g. sma-crossover
              --venue NAME               the venue of the candles; default $TICKFLOW_VENUE
              --param NAME=MIN:MAX:STEP  a grid of values, e.g. --param fast=5:50:5 (repeat for each parameter)
              --param NAME=MIN:MAX       a continuous range (random, cmaes and genetic only)
              --param NAME=V1,V2,...     a list of values, e.g. --param stopLoss=0.02,0.05,0.1
                                         no --param: one backtest with the strategy's defaults
              --optimizer grid|random|cmaes|genetic    default grid
              --trials N                 the most parameter sets to backtest; default 100
              --seed S                   the random seed; default derived from the request id
              --objective sharpe|sortino|calmar|cagr|profit-factor    default sharpe
              --direction long-only|long-short    default long-only
              --fee-bps X                default 10     --slippage-bps X    default 5
              --min-trades N             default 10     --max-drawdown F    e.g. 0.25; default none
              --folds N                  walk-forward folds; default 5
              --walk-forward rolling|anchored    default rolling
              --in-sample F              the in-sample share of each fold; default 0.7
              --request FILE.json        send this tickflow.analysis-request.v1 as it is instead

            Waiting
              --no-wait                  print the request id (which keys the job) and exit
              --timeout DURATION         give up waiting after this long (90s, 30m, 2h); default 30m; the study
                                         itself goes on
              --progress bar|lines|none  default lines (./tickflow picks bar when stderr is a terminal)

            AWS settings come from the environment as for publish (AWS_ENDPOINT_URL_SQS, AWS_ENDPOINT_URL_SNS,
            AWS_REGION, ...); ./tickflow points what is unset at the embedded stack.

            Exit status: 0 the study completed; 1 it failed, the wait timed out, or AWS could not be reached;
            2 the command line is wrong.
            """;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Supplier<UUID> requestIds;
    private final Topology topology = Topology.tickflow();

    public AnalyzeCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this(env, out, err, Clock.systemUTC(), UUID::randomUUID);
    }

    AnalyzeCommand(Map<String, String> env, PrintStream out, PrintStream err, Clock clock, Supplier<UUID> requestIds) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.requestIds = requestIds;
    }

    /** Runs {@code analyze} with its arguments; returns the exit status. */
    public int run(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(HELP);
            return OK;
        }
        AnalyzeOptions options;
        try {
            options = AnalyzeOptions.parse(args, env, clock, requestIds);
        } catch (InvalidOptionsException e) {
            err.println("tickflow analyze: " + e.getMessage());
            err.println("See ./tickflow analyze --help");
            return USAGE;
        }
        try (AwsClients aws = new AwsClients(env, 4)) {
            return run(options, aws);
        } catch (SdkException e) {
            err.println("tickflow analyze: " + AwsErrors.describe(e));
            return FAILED;
        } catch (IllegalArgumentException e) {
            // The AWS settings in the environment: a malformed endpoint, no region.
            err.println("tickflow analyze: " + e.getMessage());
            return FAILED;
        }
    }

    private int run(AnalyzeOptions options, AwsClients aws) {
        AnalysisRequest request = options.request();
        String requestsQueue = topology.queue("analysis-requests");
        String requestsUrl;
        try {
            requestsUrl = aws.sqs().getQueueUrl(r -> r.queueName(requestsQueue)).queueUrl();
        } catch (QueueDoesNotExistException e) {
            err.println("tickflow analyze: the queue " + requestsQueue + " does not exist at "
                    + aws.sqsEndpointDescription() + "; is ./tickflow up running?");
            return FAILED;
        }
        if (!options.await()) {
            send(aws.sqs(), requestsUrl, request);
            out.println(request.requestId());
            err.println("tickflow analyze: request " + request.requestId() + " sent to " + requestsQueue
                    + "; analysis-worker keys the job on it");
            return OK;
        }
        String resultsTopic = topology.topic("analysis-results");
        String topicArn;
        try {
            topicArn = new TopicArns(aws.sns()).lookup(resultsTopic).get();
        } catch (IllegalStateException e) {
            err.println("tickflow analyze: the topic " + resultsTopic + " does not exist; is ./tickflow up running?");
            return FAILED;
        }
        String inboxName = INBOX_PREFIX
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        ResultsInbox inbox =
                ResultsInbox.open(aws.sqs(), aws.sns(), topicArn, inboxName, request.symbol(), request.strategy(), err);
        // Ctrl-C or kill: the JVM runs this hook, not the finally below.
        Thread cleanup = new Thread(
                () -> {
                    err.println(System.lineSeparator() + "tickflow analyze: stopped waiting; the study goes on"
                            + " (request " + request.requestId() + ")");
                    inbox.close();
                },
                "tickflow-analyze-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            send(aws.sqs(), requestsUrl, request);
            err.println("tickflow analyze: asked analysis-worker for " + request.strategy() + " on "
                    + request.symbol() + " (request " + request.requestId() + "); waiting up to "
                    + describe(options.timeout()));
            return follow(options, inbox);
        } finally {
            inbox.close();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run; the inbox is closed either way.
            }
        }
    }

    /** Reads the study's events until it completes, fails or the timeout passes. */
    private int follow(AnalyzeOptions options, ResultsInbox inbox) {
        AnalysisRequest request = options.request();
        TrialProgress progress =
                new TrialProgress(options.progress(), err, request.objective().wireName());
        long deadline = System.nanoTime() + options.timeout().toNanos();
        @Nullable String jobId = null;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                progress.finish();
                err.println("tickflow analyze: no outcome after " + describe(options.timeout())
                        + "; the study may still be running ("
                        + (jobId == null ? "request " + request.requestId() : "job " + jobId)
                        + "); its outcome will be announced on " + topology.topic("analysis-results"));
                return FAILED;
            }
            for (AnalysisEvent event : inbox.poll(Duration.ofNanos(left))) {
                if (!event.requestId().equals(request.requestId())) {
                    continue;
                }
                jobId = event.jobId();
                switch (event) {
                    case AnalysisProgress update -> progress.show(update);
                    case AnalysisCompleted completed -> {
                        progress.finish();
                        out.print(Summary.of(request, completed, topology.bucket("data")));
                        return OK;
                    }
                    case AnalysisFailed failed -> {
                        progress.finish();
                        err.println("tickflow analyze: the study failed: " + failed.reasonCode() + ": "
                                + failed.reason() + " (job " + failed.jobId() + ")");
                        return FAILED;
                    }
                }
            }
        }
    }

    private static void send(SqsClient sqs, String queueUrl, AnalysisRequest request) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        request.messageAttributes()
                .values()
                .forEach((name, value) -> attributes.put(
                        name,
                        MessageAttributeValue.builder()
                                .dataType(value.dataType())
                                .stringValue(value.asString())
                                .build()));
        sqs.sendMessage(r -> r.queueUrl(queueUrl)
                .messageBody(ContractJson.mapper().writeValueAsString(request))
                .messageAttributes(attributes));
    }

    private static String describe(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
