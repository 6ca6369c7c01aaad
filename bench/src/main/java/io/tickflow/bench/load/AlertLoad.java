package io.tickflow.bench.load;

import io.tickflow.bench.Host;
import io.tickflow.common.aws.sns.TopicArns;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TickBatch;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.common.contract.notify.ApiKeyHash;
import io.tickflow.common.topology.SecretSpec;
import io.tickflow.common.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;

/**
 * The price-alert latency harness, and {@code bench/reports/notify-alerts.md}: issue 6's "alerts fire within 1 s (p99)
 * of the tick being published on tickflow-ingest, once per crossing, not once per tick", measured end to end on the
 * embedded stack.
 *
 * <p>{@code local-aws}, ingest-service ({@code -Xmx512m}) and notification-service ({@code -Xmx384m}, loopback webhooks
 * allowed) run as child processes with their defaults. The harness creates N webhook subscriptions through the API,
 * each with one {@code crosses} alert on one instrument at its own level between 29,950 and 30,050, then sends tick
 * batches to {@code tickflow-ingest} at a steady rate, as a feed would: every message holds trades stamped with the
 * time it is sent. The prices stay in one regime for a while, all under every level (29,100 to 29,500) or all over
 * (30,500 to 30,900), then switch: each switch is one crossing of every rule, planted at the first tick of a message.
 *
 * <p>The latency of a firing is from just before the SendMessage call of the message holding its crossing's first tick
 * to the moment the webhook POST has been read by {@link LoopbackWebhooks}, both on this JVM's monotonic clock. A POST
 * is attributed to its crossing by its rule id and the time of the tick that fired it; "once per crossing" holds when
 * every (rule, crossing) got exactly one POST, in the right direction, and nothing else arrived.
 */
public final class AlertLoad {

    private static final String USAGE =
            """
            Usage: AlertLoad [--subscriptions N] [--rate TICKS_PER_SECOND] [--ticks-per-message N] [--seconds N]
                             [--regime-seconds N] [--warm-up-seconds N] [--root DIR] [--report FILE]
              --subscriptions      webhook subscriptions, each with one crosses alert at its own level (default 50)
              --rate               ticks per second sent to tickflow-ingest (default 5000)
              --ticks-per-message  trades per SQS message (default 100)
              --seconds            how long the measured run sends (default 60)
              --regime-seconds     how long prices stay on one side of the levels: one crossing per rule each time
                                   (default 2)
              --warm-up-seconds    sending before the measured run, reported apart (default 10)
              --root               repository root with the built jars (default: the working directory)
              --report             report file (default ROOT/bench/reports/notify-alerts.md)
            Build first: see bench/README.md.
            """;

    private static final Topology TOPOLOGY = Topology.tickflow();
    private static final String VENUE = "alertbench";
    private static final String SYMBOL = "ALR-USD";
    private static final long LATENCY_TARGET_MS = 1_000;
    private static final List<String> NOTIFY_PROPERTIES =
            List.of("--tickflow.notify.allowed-networks=127.0.0.0/8", "--tickflow.notify.delivery-timeout=5s");

    private AlertLoad() {}

    record Options(
            int subscriptions,
            int rate,
            int ticksPerMessage,
            int seconds,
            int regimeSeconds,
            int warmUpSeconds,
            Path root,
            Path report) {

        Options {
            if (subscriptions < 1
                    || subscriptions > 1_000
                    || rate < 1
                    || ticksPerMessage < 1
                    || seconds < 1
                    || regimeSeconds < 1
                    || warmUpSeconds < 0) {
                throw new IllegalArgumentException(
                        "Counts are positive, --subscriptions at most 1000, --warm-up-seconds not negative\n" + USAGE);
            }
        }

        /** Messages per regime: a regime is a whole number of messages, so every crossing starts a message. */
        int messagesPerRegime() {
            return Math.max(1, (int) ((long) regimeSeconds * rate / ticksPerMessage));
        }

        static Options parse(String... args) {
            int subscriptions = 50;
            int rate = 5_000;
            int perMessage = 100;
            int seconds = 60;
            int regime = 2;
            int warmUp = 10;
            Path root = Path.of("").toAbsolutePath();
            Path report = null;
            for (int i = 0; i < args.length; i += 2) {
                if (args[i].equals("--help") || args[i].equals("-h") || i + 1 >= args.length) {
                    throw new IllegalArgumentException(USAGE);
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--subscriptions" -> subscriptions = Integer.parseInt(value);
                    case "--rate" -> rate = Integer.parseInt(value);
                    case "--ticks-per-message" -> perMessage = Integer.parseInt(value);
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--regime-seconds" -> regime = Integer.parseInt(value);
                    case "--warm-up-seconds" -> warmUp = Integer.parseInt(value);
                    case "--root" -> root = Path.of(value).toAbsolutePath();
                    case "--report" -> report = Path.of(value).toAbsolutePath();
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
                }
            }
            return new Options(
                    subscriptions,
                    rate,
                    perMessage,
                    seconds,
                    regime,
                    warmUp,
                    root,
                    report != null ? report : root.resolve("bench/reports/notify-alerts.md"));
        }
    }

    public static void main(String[] args) throws Exception {
        // A bad option propagates: the JVM prints its message and exits with a failure.
        Options options = Options.parse(args);
        LoadOptions shared = LoadOptions.parse("--root", options.root().toString());
        Instant started = Instant.now();
        Path logs = options.root()
                .resolve("bench/target/alert-load")
                .resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(started));
        Files.createDirectories(logs);
        log("logs in %s", logs);
        String loadBefore = Host.loadAverage();
        Result result;
        try (EmbeddedAws aws = EmbeddedAws.start(shared, logs);
                SqsClient sqs = aws.sqsClient();
                DynamoDbClient dynamoDb = aws.dynamoDbClient();
                SnsClient sns = aws.snsClient();
                SecretsManagerClient secrets = aws.secretsManagerClient();
                LoopbackWebhooks hooks = new LoopbackWebhooks(0);
                ServiceProcess ingest = ServiceProcess.start(shared, aws, "alerts", List.of(), logs);
                ServiceProcess notify = ServiceProcess.start(
                        shared,
                        aws,
                        "notification-service",
                        shared.notificationServiceJar(),
                        "alerts",
                        NotifyLoad.heap(),
                        NOTIFY_PROPERTIES,
                        logs)) {
            ingest.awaitReady(Duration.ofMinutes(3));
            notify.awaitReady(Duration.ofMinutes(3));
            String key = issueKey(secrets, dynamoDb, "bench-alerts");
            Map<String, Integer> rules = createSubscriptions(notify.base(), key, hooks, options);
            hooks.keepArrivals();
            String queue =
                    sqs.getQueueUrl(r -> r.queueName(TOPOLOGY.queue("ingest"))).queueUrl();
            try (TickArrivals probe = new TickArrivals(sqs, sns)) {
                RequestCounts before = RequestCounts.fromPrometheus(notify.metrics());
                // Where notification-service's threads are while the ticks flow, for whoever reads the logs.
                Thread dumps = Thread.ofPlatform().name("thread-dumps").daemon().start(() -> {
                    for (int i = 1; i <= 6; i++) {
                        NotifyLoad.sleep(Duration.ofSeconds(10));
                        try {
                            Files.writeString(
                                    logs.resolve("notification-service-threads-" + i + ".txt"), notify.threadDump());
                        } catch (IOException | RuntimeException e) {
                            return;
                        }
                    }
                });
                Sent sent = send(sqs, queue, options);
                dumps.interrupt();
                int regimes = sent.regimes();
                long expected = (long) options.subscriptions() * (regimes - 1);
                awaitArrivals(hooks, expected, notify, Duration.ofSeconds(60));
                // Room for a firing that should not come.
                NotifyLoad.sleep(Duration.ofSeconds(3));
                RequestCounts after = RequestCounts.fromPrometheus(notify.metrics());
                result = Result.of(options, sent, rules, hooks.arrivals(), probe, before, after);
            }
        }
        String loadAfter = Host.loadAverage();
        Files.createDirectories(options.report().getParent());
        Files.writeString(options.report(), report(started, args, options, loadBefore, loadAfter, result));
        log(
                "p50 %s ms, p99 %s ms, max %s ms over %,d firings; missing %d, duplicates %d, unexpected %d; report in %s",
                NotifyLoad.Latencies.millis(result.latencies().percentile(0.50)),
                result.latencies().p99Text(),
                result.latencies().maxText(),
                result.latencies().micros().length,
                result.missing(),
                result.duplicates(),
                result.unexpected(),
                options.report());
    }

    // --- setup ----------------------------------------------------------------------------------------------------

    /** The level of rule {@code index} of {@code count}: spread over 29,950 to 30,050, in cents. */
    static BigDecimal level(int index, int count) {
        return BigDecimal.valueOf(2_995_000L + (long) index * 10_000 / count, 2);
    }

    /** Creates the subscriptions through the API; their ids with the index of each. */
    private static Map<String, Integer> createSubscriptions(
            URI base, String key, LoopbackWebhooks hooks, Options options) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < options.subscriptions(); i++) {
            Map<String, Object> body = Map.of(
                    "name", "alert-load-" + i,
                    "channel",
                            Map.of("type", "webhook", "url", hooks.healthyUrl(i).toString()),
                    "alerts",
                            List.of(Map.of(
                                    "type",
                                    "crosses",
                                    "venue",
                                    VENUE,
                                    "symbol",
                                    SYMBOL,
                                    "level",
                                    level(i, options.subscriptions()).toPlainString())));
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/subscriptions"))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            ContractJson.mapper().writeValueAsString(body)))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + key)
                    .timeout(Duration.ofSeconds(30))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException(
                            "POST /api/v1/subscriptions answered " + response.statusCode() + ": " + response.body());
                }
                ids.put(
                        ContractJson.mapper()
                                .readTree(response.body())
                                .path("subscriptionId")
                                .asString(),
                        i);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        log("created %,d subscriptions with a crosses alert each", ids.size());
        return ids;
    }

    /** Issues an API key as the CLI does, as {@link NotifyLoad} does. */
    private static String issueKey(SecretsManagerClient secrets, DynamoDbClient dynamoDb, String owner) {
        SecretSpec spec = TOPOLOGY.secrets().stream()
                .filter(s -> s.name().endsWith("/notification-service"))
                .findFirst()
                .orElseThrow();
        String pepper = ContractJson.mapper()
                .readTree(secrets.getSecretValue(r -> r.secretId(spec.name())).secretString())
                .path("tickflow.notify.api-key-pepper")
                .asString("");
        if (pepper.isEmpty()) {
            throw new IllegalStateException(spec.name() + " holds no tickflow.notify.api-key-pepper");
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String key = ApiKeyHash.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = ApiKeyHash.of(pepper, key);
        dynamoDb.putItem(r -> r.tableName(TOPOLOGY.table("api-keys"))
                .item(Map.of(
                        "keyHash", AttributeValue.fromS(hash),
                        "keyId", AttributeValue.fromS(ApiKeyHash.keyId(hash)),
                        "owner", AttributeValue.fromS(owner),
                        "createdAt", AttributeValue.fromS(Instant.now().toString()))));
        return key;
    }

    // --- sending --------------------------------------------------------------------------------------------------

    /**
     * What was sent.
     *
     * @param sentAt per message, {@link System#nanoTime()} just before its SendMessage call
     * @param tickTime per message, the epoch millisecond its trades are stamped with (unique per message)
     * @param warmUpMessages the messages before the measured run
     */
    record Sent(long[] sentAt, long[] tickTime, int warmUpMessages, int messagesPerRegime, double sendSeconds) {

        int regimes() {
            return (sentAt.length + messagesPerRegime - 1) / messagesPerRegime;
        }

        int regimeOf(int message) {
            return message / messagesPerRegime;
        }

        /** The message whose trades carry {@code epochMilli}, or -1. */
        int messageAt(long epochMilli) {
            int found = Arrays.binarySearch(tickTime, epochMilli);
            return found >= 0 ? found : -1;
        }
    }

    private static Sent send(SqsClient sqs, String queue, Options options) {
        int perMessage = options.ticksPerMessage();
        int perRegime = options.messagesPerRegime();
        long intervalNanos = 1_000_000_000L * perMessage / options.rate();
        // Whole regimes, so that the last crossing has its regime's every message.
        int warmUpMessages = ceilTo((int) ((long) options.warmUpSeconds() * options.rate() / perMessage), perRegime);
        int measured = ceilTo((int) ((long) options.seconds() * options.rate() / perMessage), perRegime);
        int messages = warmUpMessages + measured;
        long[] sentAt = new long[messages];
        long[] tickTime = new long[messages];
        Random random = new Random(42);
        long tradeId = 0;
        long lastMillis = 0;
        log(
                "sending %,d ticks/s to %s: %,d messages of %d trades (%,d warm-up), a crossing every %d messages",
                options.rate(), queue, messages, perMessage, warmUpMessages, perRegime);
        long start = System.nanoTime();
        for (int m = 0; m < messages; m++) {
            NotifyLoad.sleepUntil(start + m * intervalNanos);
            // One millisecond per message at least, so that a firing's tick time names its message.
            long millis = Math.max(System.currentTimeMillis(), lastMillis + 1);
            lastMillis = millis;
            Instant time = Instant.ofEpochMilli(millis);
            boolean high = (m / perRegime) % 2 == 1;
            List<Tick> ticks = new ArrayList<>(perMessage);
            for (int i = 0; i < perMessage; i++) {
                long cents = (high ? 3_050_000L : 2_910_000L) + random.nextInt(40_000);
                ticks.add(new Trade(
                        SYMBOL,
                        time,
                        BigDecimal.valueOf(cents, 2),
                        BigDecimal.ONE,
                        null,
                        Long.toString(++tradeId),
                        null));
            }
            String body = ContractJson.mapper().writeValueAsString(new TickBatch(VENUE, ticks));
            tickTime[m] = millis;
            sentAt[m] = System.nanoTime();
            sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body));
            if (m == warmUpMessages) {
                log("warm-up sent; measuring");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log("sent %,d messages in %.1f s", messages, seconds);
        return new Sent(sentAt, tickTime, warmUpMessages, perRegime, seconds);
    }

    private static int ceilTo(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    private static void awaitArrivals(LoopbackWebhooks hooks, long expected, ServiceProcess notify, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && hooks.arrivals().size() < expected) {
            if (!notify.process().isAlive()) {
                throw new IllegalStateException(
                        "notification-service died; see " + notify.process().log());
            }
            NotifyLoad.sleep(Duration.ofMillis(200));
        }
    }

    /**
     * A queue of the harness's own on {@code tickflow-market-ticks}, read like the service reads its alert queue: when
     * each message's ticks came out of ingest-service and SNS, by their time stamp (one per message).
     */
    private static final class TickArrivals implements AutoCloseable {

        private final SqsClient sqs;
        private final String queueUrl;
        private final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
        private final List<Thread> readers = new ArrayList<>();
        private volatile boolean running = true;

        TickArrivals(SqsClient sqs, SnsClient sns) {
            this.sqs = sqs;
            this.queueUrl =
                    sqs.createQueue(r -> r.queueName("bench-alert-probe")).queueUrl();
            String queueArn = sqs.getQueueAttributes(
                            r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            String topicArn =
                    new TopicArns(sns).lookup(TOPOLOGY.topic("market-ticks")).get();
            sns.subscribe(r -> r.topicArn(topicArn)
                    .protocol("sqs")
                    .endpoint(queueArn)
                    .attributes(Map.of("RawMessageDelivery", "true")));
            for (int i = 0; i < 2; i++) {
                readers.add(Thread.ofPlatform().name("tick-probe-" + i).daemon().start(this::read));
            }
        }

        /** When the first tick stamped {@code epochMilli} arrived, by {@link System#nanoTime()}; 0 if none did. */
        long arrivedAt(long epochMilli) {
            return arrivals.getOrDefault(epochMilli, 0L);
        }

        private void read() {
            while (running) {
                List<Message> messages;
                try {
                    messages = sqs.receiveMessage(r ->
                                    r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                            .messages();
                } catch (SdkException e) {
                    if (!running) {
                        return;
                    }
                    throw e;
                }
                long now = System.nanoTime();
                for (Message message : messages) {
                    for (JsonNode tick :
                            ContractJson.mapper().readTree(message.body()).path("ticks")) {
                        arrivals.putIfAbsent(
                                Instant.parse(tick.path("time").asString()).toEpochMilli(), now);
                    }
                }
                if (!messages.isEmpty()) {
                    sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl)
                            .entries(messages.stream()
                                    .map(m -> DeleteMessageBatchRequestEntry.builder()
                                            .id(m.messageId())
                                            .receiptHandle(m.receiptHandle())
                                            .build())
                                    .toList()));
                }
            }
        }

        @Override
        public void close() {
            running = false;
            for (Thread reader : readers) {
                try {
                    reader.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    // --- results --------------------------------------------------------------------------------------------------

    /**
     * What arrived, crossing by crossing.
     *
     * @param latencies of the measured run's first POST per (rule, crossing)
     * @param warmUp the same for the warm-up's crossings
     * @param onTopic per measured crossing, from the send of its first message until a queue of the harness's own on
     *     {@code tickflow-market-ticks} received its ticks: ingest-service and SNS
     * @param expected (rule, crossing) pairs of the measured run
     * @param missing of them, those no POST arrived for
     * @param duplicates POSTs beyond the first of a (rule, crossing)
     * @param wrongDirection POSTs whose condition is not the crossing's direction
     * @param unexpected POSTs that belong to no crossing: a firing where prices did not cross, or an unknown rule
     * @param dynamoDbCalls notification-service's DynamoDB calls during the run, by operation
     */
    record Result(
            NotifyLoad.Latencies latencies,
            NotifyLoad.Latencies warmUp,
            NotifyLoad.Latencies onTopic,
            long expected,
            long missing,
            long duplicates,
            long wrongDirection,
            long unexpected,
            long ticks,
            double sendSeconds,
            int crossings,
            Map<String, Double> dynamoDbCalls) {

        static Result of(
                Options options,
                Sent sent,
                Map<String, Integer> rules,
                List<LoopbackWebhooks.Arrival> arrivals,
                TickArrivals probe,
                RequestCounts before,
                RequestCounts after) {
            int subscriptions = options.subscriptions();
            int regimes = sent.regimes();
            int firstMeasured = sent.warmUpMessages() / sent.messagesPerRegime();
            int[][] posts = new int[subscriptions][regimes];
            long[][] firstArrival = new long[subscriptions][regimes];
            long wrong = 0;
            long unexpected = 0;
            for (LoopbackWebhooks.Arrival arrival : arrivals) {
                JsonNode event = ContractJson.mapper().readTree(arrival.body()).path("event");
                String ruleId = event.path("ruleId").asString("");
                Integer rule = rules.get(ruleId.substring(0, Math.max(0, ruleId.lastIndexOf('/'))));
                int message =
                        sent.messageAt(Instant.parse(event.path("triggeredBy").asString("1970-01-01T00:00:00Z"))
                                .toEpochMilli());
                if (rule == null || message < 0 || sent.regimeOf(message) == 0) {
                    unexpected++;
                    continue;
                }
                int regime = sent.regimeOf(message);
                String direction = regime % 2 == 1 ? "crosses-above " : "crosses-below ";
                if (!event.path("condition").asString("").startsWith(direction)) {
                    wrong++;
                }
                if (posts[rule][regime]++ == 0) {
                    firstArrival[rule][regime] = arrival.nanos();
                }
            }
            List<Long> measured = new ArrayList<>();
            List<Long> warmUp = new ArrayList<>();
            long missing = 0;
            long duplicates = 0;
            for (int rule = 0; rule < subscriptions; rule++) {
                for (int regime = 1; regime < regimes; regime++) {
                    duplicates += Math.max(0, posts[rule][regime] - 1);
                    boolean counted = regime >= firstMeasured;
                    if (posts[rule][regime] == 0) {
                        missing += counted ? 1 : 0;
                        continue;
                    }
                    // From the send of the crossing's first message: the moment the market crossed.
                    long micros =
                            (firstArrival[rule][regime] - sent.sentAt()[regime * sent.messagesPerRegime()]) / 1_000;
                    (counted ? measured : warmUp).add(micros);
                }
            }
            List<Long> onTopic = new ArrayList<>();
            for (int regime = Math.max(1, firstMeasured); regime < regimes; regime++) {
                int first = regime * sent.messagesPerRegime();
                long arrived = probe.arrivedAt(sent.tickTime()[first]);
                if (arrived != 0) {
                    onTopic.add((arrived - sent.sentAt()[first]) / 1_000);
                }
            }
            Map<String, Double> calls = new TreeMap<>();
            after.byOperation().forEach((operation, tally) -> {
                if (operation.service().equalsIgnoreCase("DynamoDb")) {
                    double earlier = before.byOperation()
                            .getOrDefault(operation, RequestCounts.Tally.NONE)
                            .calls();
                    if (tally.calls() - earlier > 0) {
                        calls.put(operation.operation(), tally.calls() - earlier);
                    }
                }
            });
            return new Result(
                    NotifyLoad.Latencies.of(measured),
                    NotifyLoad.Latencies.of(warmUp),
                    NotifyLoad.Latencies.of(onTopic),
                    (long) subscriptions * (regimes - firstMeasured),
                    missing,
                    duplicates,
                    wrong,
                    unexpected,
                    (long) sent.sentAt().length * options.ticksPerMessage(),
                    sent.sendSeconds(),
                    regimes - 1,
                    calls);
        }

        boolean oncePerCrossing() {
            return missing == 0 && duplicates == 0 && wrongDirection == 0 && unexpected == 0;
        }
    }

    // --- report ---------------------------------------------------------------------------------------------------

    private static String report(
            Instant started, String[] args, Options options, String loadBefore, String loadAfter, Result result) {
        NotifyLoad.Latencies latencies = result.latencies();
        StringBuilder md = new StringBuilder();
        md.append("# notification-service: price-alert latency from tickflow-ingest\n\n")
                .append(
                        "Generated by `io.tickflow.bench.load.AlertLoad` (see `bench/README.md`); do not edit by hand.\n\n")
                .append("- **Date:** ")
                .append(started)
                .append('\n')
                .append("- **Command:** `java -cp \"$(cat bench/target/classpath.txt):bench/target/classes\" ")
                .append(AlertLoad.class.getName())
                .append(args.length == 0 ? "" : " " + String.join(" ", args))
                .append("`\n")
                .append("- **Code:** ")
                .append(Host.gitState(
                        List.of("notification-service/src/main", "ingest-service/src/main", "common/src/main"),
                        "notification-service, ingest-service and common"))
                .append('\n')
                .append("- **Load average:** before ")
                .append(loadBefore)
                .append("; after ")
                .append(loadAfter)
                .append(" (other processes on the machine share its cores)\n")
                .append(Host.machine())
                .append(
                        "- **Setup:** everything on loopback and on the same cores: `local-aws` (ElasticMQ, Tickflow's SNS,"
                                + " DynamoDB Local, S3Proxy, in memory) as one child JVM, ingest-service (`-Xms512m -Xmx512m`) and"
                                + " notification-service (`-Xms")
                .append(NotifyLoad.heap())
                .append(" -Xmx")
                .append(NotifyLoad.heap())
                .append("`, loopback webhooks allowed, delivery timeout 5 s) as two more with their defaults, and this"
                        + " harness with the webhook receivers.\n\n");
        md.append("## Run\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "%,d webhook subscriptions, each with one `crosses` alert on %s/%s at its own level (29,950 to"
                                + " 30,050). %,d trades sent to `tickflow-ingest` in %.1f s (%,d ticks/s asked, %d per"
                                + " message, stamped with the time of sending); the prices switch sides of every level"
                                + " every %d messages (%d s): %d crossings of every rule, the first %d s of sending a"
                                + " warm-up reported apart. The first regime only tells each rule its side.%n%n",
                        options.subscriptions(),
                        VENUE,
                        SYMBOL,
                        result.ticks(),
                        result.sendSeconds(),
                        options.rate(),
                        options.ticksPerMessage(),
                        options.messagesPerRegime(),
                        options.regimeSeconds(),
                        result.crossings(),
                        options.warmUpSeconds()))
                .append("Latency of a firing: from just before the SendMessage of the message holding the crossing's"
                        + " first tick to the webhook POST read by the receiver, on the harness's monotonic clock:"
                        + " ingest-service, SNS `tickflow-market-ticks`, the `tickflow-alert-ticks` queue,"
                        + " notification-service's evaluation and claim (a conditional write to `tickflow-alert-state`),"
                        + " the delivery log and the signed POST.\n\n")
                .append("| | firings | p50 ms | p90 ms | p99 ms | max ms |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: |\n")
                .append(row("measured", result.latencies()))
                .append(row("warm-up", result.warmUp()))
                .append(row("on market-ticks", result.onTopic()))
                .append('\n')
                .append("*On market-ticks* is the part before notification-service, per crossing: from the send of its"
                        + " first message until a queue of the harness's own, subscribed to `tickflow-market-ticks` as"
                        + " `tickflow-alert-ticks` is and long-polled the same way, received its ticks (ingest-service"
                        + " and SNS).\n\n");
        md.append("## Once per crossing\n\n")
                .append(
                        "| (rule, crossing) expected | missing | duplicate POSTs | wrong direction | POSTs of no crossing |\n")
                .append("| ---: | ---: | ---: | ---: | ---: |\n")
                .append(String.format(
                        Locale.ROOT,
                        "| %,d | %d | %d | %d | %d |%n%n",
                        result.expected(),
                        result.missing(),
                        result.duplicates(),
                        result.wrongDirection(),
                        result.unexpected()))
                .append("Duplicates and POSTs of no crossing are counted over the warm-up too.\n\n");
        md.append("## DynamoDB requests of notification-service during the run\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "For %,d ticks and %,d firings (all tables: alert state, delivery log, subscriptions, keys):%n%n",
                        result.ticks(),
                        (long) options.subscriptions() * result.crossings()))
                .append("| operation | calls | per firing | per 1,000 ticks |\n")
                .append("| --- | ---: | ---: | ---: |\n");
        long firings = Math.max(1, (long) options.subscriptions() * result.crossings());
        result.dynamoDbCalls()
                .forEach((operation, calls) -> md.append(String.format(
                        Locale.ROOT,
                        "| %s | %,.0f | %.2f | %.2f |%n",
                        operation,
                        calls,
                        calls / firings,
                        calls * 1000 / result.ticks())));
        md.append('\n')
                .append("A tick that changes no rule's side costs no request: the alert state is written when a rule"
                        + " fires (the claim, then the delivered mark), behind once a second when a rule changed"
                        + " otherwise, and read when a worker's copy of a rule is older than `alert-state-refresh`"
                        + " (1 s, BatchGetItem for all the rules an event concerns).\n\n");
        md.append("## Target (issue 6)\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "- alerts within 1 s (p99) of the tick being published on tickflow-ingest: p99 %s ms: **%s**.%n",
                        latencies.p99Text(),
                        latencies.micros().length > 0 && latencies.p99() <= LATENCY_TARGET_MS * 1_000
                                ? "met"
                                : "missed"))
                .append(String.format(
                        Locale.ROOT,
                        "- once per crossing, not once per tick: %s.%n",
                        result.oncePerCrossing() ? "**met**" : "**missed** (see the table above)"));
        return md.toString();
    }

    private static String row(String label, NotifyLoad.Latencies latencies) {
        return String.format(
                Locale.ROOT,
                "| %s | %,d | %s | %s | **%s** | %s |%n",
                label,
                latencies.micros().length,
                latencies.percentileText(0.50),
                latencies.percentileText(0.90),
                latencies.p99Text(),
                latencies.maxText());
    }

    static void log(String format, Object... args) {
        System.out.printf("[alert-load] " + format + "%n", args);
    }
}
