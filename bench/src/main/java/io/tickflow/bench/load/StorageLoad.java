package io.tickflow.bench.load;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TickBatch;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.contract.ingest.Trade;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import tools.jackson.databind.JsonNode;

/**
 * The storage load harness, two measurements on the embedded stack, and {@code bench/reports/storage-load.md}:
 *
 * <ol>
 *   <li><b>Drain</b>: a backlog of TicksAccepted events of real Bitstamp trades (500 per event, the file cycled and
 *       shifted in time so that every cycle is new market time) is put on {@code tickflow-storage-ticks} while
 *       storage-service is down, exactly as SNS's raw delivery would put it there; then storage-service starts with
 *       {@code -Xmx512m} and its defaults and drains it into the lake, the candles and the prices. Reported: ticks per
 *       second, heap after GC, and the AWS requests the service made per million ticks (DynamoDB writes above all).
 *   <li><b>Latency</b>: ingest-service and storage-service both run; trades stamped with the current time are sent to
 *       {@code tickflow-ingest} at a steady rate; a poller reads the current one-minute candle through storage-service's
 *       read API, a consistent DynamoDB query. The
 *       latency of a message is from its SendMessage to the first read of a candle whose trade count covers it and
 *       every message of that minute before it.
 * </ol>
 */
public final class StorageLoad {

    private static final String USAGE =
            """
            Usage: StorageLoad [--ticks N] [--times live|replay] [--rate TICKS_PER_SECOND] [--latency-seconds N] [--root DIR]
              --ticks            backlog of the drain (default 1000000)
              --times            the drain's tick times: live (default), as a feed of 100,000 ticks/s carries them,
                                 10 ticks per millisecond; or replay, the file's own 2013 times (a backfill: sparse,
                                 every event of 500 trades spans about 35 minutes, so about 35 candles of each minute)
              --rate             ticks per second sent to tickflow-ingest in the latency run (default 10000)
              --latency-seconds  how long the latency run sends (default 60)
              --root             repository root with the built jars (default: the working directory)
            Build first: ./mvnw -q -B package -DskipTests (see bench/README.md).
            """;

    private StorageLoad() {}

    public static void main(String[] args) throws Exception {
        long ticks = 1_000_000;
        boolean live = true;
        int rate = 10_000;
        int latencySeconds = 60;
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                System.err.println(USAGE);
                System.exit(2);
            }
            switch (args[i]) {
                case "--ticks" -> ticks = Long.parseLong(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--times" ->
                    live = switch (args[i + 1]) {
                        case "live" -> true;
                        case "replay" -> false;
                        default -> throw new IllegalArgumentException("--times is live or replay");
                    };
                case "--latency-seconds" -> latencySeconds = Integer.parseInt(args[i + 1]);
                case "--root" -> shared.addAll(List.of("--root", args[i + 1]));
                default -> {
                    System.err.println("Unknown option " + args[i] + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        LoadOptions options = LoadOptions.parse(shared.toArray(String[]::new));
        Instant started = Instant.now();
        Path logs = options.root()
                .resolve("bench/target/storage-load")
                .resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(started));
        Files.createDirectories(logs);
        LoadPhase.log("logs in %s", logs);
        TradeRows rows = TradeRows.bitstamp(live);
        Drain drain;
        Latency latency;
        try (EmbeddedAws aws = EmbeddedAws.start(options, logs)) {
            drain = drain(options, aws, rows, ticks, logs);
            latency = latency(options, aws, rate, latencySeconds, logs);
        }
        Path report = options.root().resolve("bench/reports/storage-load" + (live ? "" : "-replay") + ".md");
        Files.writeString(report, report(started, args, ticks, live, drain, rate, latencySeconds, latency));
        LoadPhase.log(
                "drain %,.0f ticks/s, heap after GC <= %d MB, %,.0f DynamoDB write units per M ticks; latency p50 %d"
                        + " ms, p99 %d ms; report in %s",
                drain.ticksPerSecond(),
                drain.maxHeapAfterGcMb(),
                drain.dynamoDbWriteUnitsPerMillion(),
                latency.p50(),
                latency.p99(),
                report);
    }

    // --- drain ---------------------------------------------------------------------------------------------------

    /**
     * What the drain measured.
     *
     * @param seconds from the first tick processed (candles updated, in the lake buffer) to the last
     * @param ticksPerSecond ticks over those seconds
     * @param lakeSeconds from the first tick processed to the last in the lake
     * @param maxHeapAfterGcMb the most heap still in use after a collection
     * @param gcs collections during the drain
     * @param requests the service's AWS requests, by operation
     * @param backlogSeconds how long sending the backlog took
     */
    record Drain(
            long ticks,
            double seconds,
            double ticksPerSecond,
            double lakeSeconds,
            long maxHeapAfterGcMb,
            int gcs,
            RequestCounts requests,
            double backlogSeconds) {

        double dynamoDbWriteUnitsPerMillion() {
            return requests.byOperation().entrySet().stream()
                            .filter(e -> e.getKey().service().equals("DynamoDb"))
                            .mapToDouble(e -> e.getValue().writeUnits())
                            .sum()
                    * 1_000_000
                    / ticks;
        }
    }

    private static Drain drain(LoadOptions options, EmbeddedAws aws, TradeRows rows, long ticks, Path logs) {
        try (SqsClient sqs = sqs(aws)) {
            String queue =
                    sqs.getQueueUrl(r -> r.queueName("tickflow-storage-ticks")).queueUrl();
            LoadPhase.log("drain: sending %,d ticks as TicksAccepted events to tickflow-storage-ticks", ticks);
            long sendStarted = System.nanoTime();
            sendEvents(sqs, queue, rows, ticks);
            double backlogSeconds = (System.nanoTime() - sendStarted) / 1e9;
            LoadPhase.log("drain: backlog sent in %.1f s; starting storage-service", backlogSeconds);
            try (ServiceProcess service = ServiceProcess.start(
                    options, aws, "storage-service", options.storageServiceJar(), "drain", List.of(), logs)) {
                service.awaitReady(Duration.ofMinutes(3));
                long first = 0;
                long processed = 0;
                long last;
                while (true) {
                    PrometheusText metrics = service.metrics();
                    double buffered = metrics.sum("tickflow_storage_ticks_buffered_total");
                    double written = metrics.sum("tickflow_storage_lake_ticks_total");
                    long now = System.nanoTime();
                    if (buffered > 0 && first == 0) {
                        first = now;
                    }
                    if (buffered >= ticks && processed == 0) {
                        processed = now;
                    }
                    if (written >= ticks) {
                        last = now;
                        break;
                    }
                    if (!service.process().isAlive()) {
                        throw new IllegalStateException(
                                "storage-service died; see " + service.process().log());
                    }
                    LoadPhase.log("drain: %,.0f of %,d ticks processed, %,.0f in the lake", buffered, ticks, written);
                    sleep(Duration.ofSeconds(1));
                }
                // Processed: candles and prices updated and the ticks in the lake buffer, which is the rate the service
                // keeps up with; the lake follows at the flush policy's pace (the last partial buffer waits for its
                // age, flush-interval).
                double seconds = (processed - first) / 1e9;
                double lakeSeconds = (last - first) / 1e9;
                List<GcLog.Collection> gcs = GcLog.read(service.gcLog());
                long maxAfter = gcs.stream()
                                .mapToLong(GcLog.Collection::afterBytes)
                                .max()
                                .orElse(0)
                        >> 20;
                RequestCounts requests = RequestCounts.fromPrometheus(service.metrics());
                return new Drain(
                        ticks, seconds, ticks / seconds, lakeSeconds, maxAfter, gcs.size(), requests, backlogSeconds);
            }
        }
    }

    /** TicksAccepted events of 500 trades, sent ten to a SendMessageBatch from four threads. */
    private static void sendEvents(SqsClient sqs, String queue, TradeRows rows, long ticks) {
        long events = (ticks + 499) / 500;
        AtomicLong next = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) {
                pool.submit(() -> {
                    List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
                    int bytes = 0;
                    for (long e = next.getAndIncrement(); e < events; e = next.getAndIncrement()) {
                        long from = e * 500;
                        int count = (int) Math.min(500, ticks - from);
                        String body = ContractJson.mapper().writeValueAsString(rows.event(from, count));
                        if (batch.size() == 10 || bytes + body.length() > 250_000) {
                            send(sqs, queue, batch);
                            bytes = 0;
                        }
                        batch.add(SendMessageBatchRequestEntry.builder()
                                .id(Integer.toString(batch.size()))
                                .messageBody(body)
                                .build());
                        bytes += body.length();
                    }
                    send(sqs, queue, batch);
                    return null;
                });
            }
        }
    }

    private static void send(SqsClient sqs, String queue, List<SendMessageBatchRequestEntry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        var response = sqs.sendMessageBatch(r -> r.queueUrl(queue).entries(batch));
        if (!response.failed().isEmpty()) {
            throw new IllegalStateException("SQS refused " + response.failed());
        }
        batch.clear();
    }

    // --- latency -------------------------------------------------------------------------------------------------

    /** Latencies in milliseconds, sorted. */
    record Latency(long[] millis, long messages, long ticks, double sendSeconds) {
        long p50() {
            return percentile(0.50);
        }

        long p99() {
            return percentile(0.99);
        }

        long max() {
            return millis.length == 0 ? -1 : millis[millis.length - 1];
        }

        long percentile(double p) {
            return millis.length == 0
                    ? -1
                    : millis[(int) Math.min(millis.length - 1, Math.ceil(p * millis.length) - 1)];
        }
    }

    private static Latency latency(LoadOptions options, EmbeddedAws aws, int rate, int seconds, Path logs) {
        try (ServiceProcess storage = ServiceProcess.start(
                        options, aws, "storage-service", options.storageServiceJar(), "latency", List.of(), logs);
                ServiceProcess ingest = ServiceProcess.start(
                        options, aws, "ingest-service", options.ingestServiceJar(), "latency", List.of(), logs);
                SqsClient sqs = sqs(aws)) {
            storage.awaitReady(Duration.ofMinutes(3));
            ingest.awaitReady(Duration.ofMinutes(3));
            String queue = sqs.getQueueUrl(r -> r.queueName("tickflow-ingest")).queueUrl();
            int perMessage = 500;
            long intervalNanos = 1_000_000_000L * perMessage / rate;
            int messages = (int) ((long) seconds * rate / perMessage);
            long[] sentAt = new long[messages];
            long[] minuteOf = new long[messages];
            long[] cumulative = new long[messages];
            long[] seenAt = new long[messages];
            Arrays.fill(seenAt, -1);
            String venue = "latency";
            String symbol = "LAT-USD";
            LoadPhase.log("latency: sending %,d ticks/s to tickflow-ingest for %d s", rate, seconds);

            // The poller: the candle of the minute of the first message not seen yet, read through storage-service's
            // read
            // API (a consistent DynamoDB query), until every message is seen.
            AtomicLong sent = new AtomicLong();
            HttpClient http = HttpClient.newHttpClient();
            URI candles = storage.base().resolve("/api/v1/instruments/" + venue + "/" + symbol + "/candles/1m");
            Thread poller = Thread.ofPlatform().name("candle-poller").start(() -> {
                int firstUnseen = 0;
                while (firstUnseen < messages) {
                    boolean progressed = false;
                    if (firstUnseen < sent.get()) {
                        long minute = minuteOf[firstUnseen];
                        long count = tradeCount(http, candles, minute);
                        long now = System.nanoTime();
                        while (firstUnseen < sent.get()
                                && minuteOf[firstUnseen] == minute
                                && count >= cumulative[firstUnseen]) {
                            seenAt[firstUnseen++] = now;
                            progressed = true;
                        }
                    }
                    if (!progressed) {
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });

            long start = System.nanoTime();
            long tradeId = 0;
            long minuteCount = 0;
            long currentMinute = -1;
            for (int m = 0; m < messages; m++) {
                long due = start + m * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleep(Duration.ofNanos(wait));
                }
                Instant now = Instant.now();
                long minute = Math.floorDiv(now.toEpochMilli(), 60_000L) * 60_000L;
                if (minute != currentMinute) {
                    currentMinute = minute;
                    minuteCount = 0;
                }
                List<Tick> ticks = new ArrayList<>(perMessage);
                for (int i = 0; i < perMessage; i++) {
                    ticks.add(new Trade(
                            symbol,
                            now,
                            new BigDecimal("100.00").add(BigDecimal.valueOf(i % 50, 2)),
                            BigDecimal.ONE,
                            null,
                            Long.toString(++tradeId),
                            null));
                }
                String body = ContractJson.mapper().writeValueAsString(new TickBatch(venue, ticks));
                minuteCount += perMessage;
                minuteOf[m] = minute;
                cumulative[m] = minuteCount;
                sentAt[m] = System.nanoTime();
                sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body));
                sent.set(m + 1);
            }
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            poller.join(Duration.ofSeconds(120));
            poller.interrupt();
            long[] millis = new long[messages];
            int n = 0;
            for (int m = 0; m < messages; m++) {
                if (seenAt[m] > 0) {
                    millis[n++] = (seenAt[m] - sentAt[m]) / 1_000_000;
                }
            }
            long[] seen = Arrays.copyOf(millis, n);
            Arrays.sort(seen);
            if (n < messages) {
                LoadPhase.log("latency: %d of %d messages never seen within 2 minutes", messages - n, messages);
            }
            return new Latency(seen, messages, (long) messages * perMessage, sendSeconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- report --------------------------------------------------------------------------------------------------

    private static String report(
            Instant started,
            String[] args,
            long ticks,
            boolean live,
            Drain drain,
            int rate,
            int seconds,
            Latency latency) {
        StringBuilder md = new StringBuilder();
        md.append("# storage-service under load\n\n")
                .append(
                        "Generated by `io.tickflow.bench.load.StorageLoad` (see `bench/README.md`); do not edit by hand.\n\n")
                .append("- **Date:** ")
                .append(started)
                .append('\n')
                .append("- **Command:** `java -cp \"$(cat bench/target/classpath.txt):bench/target/classes\" ")
                .append(StorageLoad.class.getName())
                .append(args.length == 0 ? "" : " " + String.join(" ", args))
                .append("`\n")
                .append("- **Machine:** ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs, ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.version"))
                .append("; JDK ")
                .append(System.getProperty("java.vm.version"))
                .append('\n')
                .append(
                        "- **Setup:** everything on loopback and on the same cores: `local-aws` (ElasticMQ, Tickflow's SNS,"
                                + " DynamoDB Local, S3Proxy, in memory) as one child JVM, each service as another with `-Xms512m -Xmx512m` and"
                                + " its defaults, and this harness.\n\n");
        md.append("## Drain: ")
                .append(String.format(Locale.ROOT, "%,d", ticks))
                .append(" ticks from storage-ticks\n\n")
                .append(
                        live
                                ? "A backlog of TicksAccepted events (500 trades each: the real Bitstamp prices and sizes in"
                                        + " file order, stamped as a live feed of 100,000 ticks/s would stamp them, 10 a"
                                        + " millisecond, so each event falls in one or two one-minute candles) sent to"
                                        + " `tickflow-storage-ticks` in "
                                : "A backlog of TicksAccepted events (500 real Bitstamp trades each with their own 2013"
                                        + " times, the file cycled with every cycle moved a week on: a backfill, in which"
                                        + " each event spans about 35 one-minute candles) sent to `tickflow-storage-ticks` in ")
                .append(String.format(Locale.ROOT, "%.1f s", drain.backlogSeconds()))
                .append(
                        " while storage-service was down; then storage-service drained it: lake, candles (1m, 5m, 1h, 1d),"
                                + " latest prices, CandleClosed and PartitionCommitted events.\n\n")
                .append(
                        "| ticks | processed in s | ticks/s | all in the lake after s | heap after GC, max MB | GCs |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: |\n")
                .append(String.format(
                        Locale.ROOT,
                        "| %,d | %.1f | **%,.0f** | %.1f | **%d** | %d |%n%n",
                        ticks,
                        drain.seconds(),
                        drain.ticksPerSecond(),
                        drain.lakeSeconds(),
                        drain.maxHeapAfterGcMb(),
                        drain.gcs()))
                .append("Processed means candles, prices and CandleClosed done and the ticks in the lake buffer"
                        + " (`tickflow.storage.ticks.buffered`), timed from the first tick processed to the last: the rate"
                        + " the service keeps up with. The lake follows at the flush policy's pace: full buffers of"
                        + " 200,000 ticks as they come, and the last, partial one when it is `flush-interval` (60 s)"
                        + " old, which is most of the gap between the two times.\n\n")
                .append("AWS requests storage-service made (its `aws.requests` meters), per million ticks:\n\n")
                .append("| service | operation | calls | per M ticks | DynamoDB write units per M ticks |\n")
                .append("| --- | --- | ---: | ---: | ---: |\n");
        drain.requests()
                .byOperation()
                .forEach((op, tally) -> md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %,.0f | %,.0f | %s |%n",
                        op.service(),
                        op.operation(),
                        tally.calls(),
                        tally.calls() * 1_000_000 / ticks,
                        tally.writeUnits() > 0
                                ? String.format(Locale.ROOT, "%,.0f", tally.writeUnits() * 1_000_000 / ticks)
                                : "")));
        md.append(String.format(
                Locale.ROOT,
                "%nDynamoDB write units per million ticks, all tables: **%,.0f**, i.e. %.4f per tick: writes scale with"
                        + " the candles and events touched, not with ticks.%n%n",
                drain.dynamoDbWriteUnitsPerMillion(),
                drain.dynamoDbWriteUnitsPerMillion() / 1_000_000));
        md.append("## Latency: publish on tickflow-ingest to the 1m candle in DynamoDB\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "%,d ticks/s for %d s (%,d messages of 500 trades stamped with the current time, sent in %.1f s) to"
                                + " `tickflow-ingest`, through ingest-service, SNS, `tickflow-storage-ticks` and"
                                + " storage-service; a poller reads the current minute's candle through storage-service's read API (a consistent Query) every"
                                + " 10 ms. A message counts as visible when the candle's trade count covers it and every"
                                + " earlier message of its minute.%n%n",
                        rate,
                        seconds,
                        latency.messages(),
                        latency.sendSeconds()))
                .append("| messages seen | p50 ms | p99 ms | max ms |\n| ---: | ---: | ---: | ---: |\n")
                .append(String.format(
                        Locale.ROOT,
                        "| %,d of %,d | %d | **%d** | %d |%n%n",
                        latency.millis().length,
                        latency.messages(),
                        latency.p50(),
                        latency.p99(),
                        latency.max()));
        md.append("## Targets (issue 4)\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "- keeps up with 100,000 ticks/s from market-ticks: drained at %,.0f ticks/s: **%s**.%n",
                        drain.ticksPerSecond(),
                        drain.ticksPerSecond() >= 100_000 ? "met" : "missed"))
                .append(String.format(
                        Locale.ROOT,
                        "- heap <= 512 MB: at most %d MB live after a collection (`-Xmx512m`): **%s**.%n",
                        drain.maxHeapAfterGcMb(),
                        drain.maxHeapAfterGcMb() <= 512 ? "met" : "missed"))
                .append(String.format(
                        Locale.ROOT,
                        "- p99 from publish on tickflow-ingest to the 1m candle <= 2 s at 10,000 ticks/s: p99 %d ms at %,d"
                                + " ticks/s: **%s**.%n",
                        latency.p99(),
                        rate,
                        latency.p99() >= 0 && latency.p99() <= 2000 && rate >= 10_000 ? "met" : "missed"));
        return md.toString();
    }

    // --- plumbing ------------------------------------------------------------------------------------------------

    /**
     * The Bitstamp trades as TicksAccepted events: with live times, tick {@code n} at {@link #LIVE_START} plus {@code
     * n / 10} milliseconds; with replay times, the file's own, cycle {@code c} moved {@code c} weeks on.
     */
    private record TradeRows(List<Trade> trades, boolean live) {

        static final Instant LIVE_START = Instant.parse("2026-01-05T00:00:00Z");

        static TradeRows bitstamp(boolean live) {
            return new TradeRows(TradeBatches.bitstamp().trades(), live);
        }

        TicksAccepted event(long first, int count) {
            List<Tick> ticks = new ArrayList<>(count);
            for (long n = first; n < first + count; n++) {
                Trade row = trades.get((int) (n % trades.size()));
                long cycle = n / trades.size();
                ticks.add(new Trade(
                        row.symbol(),
                        live ? LIVE_START.plusMillis(n / 10) : row.time().plus(Duration.ofDays(7 * cycle)),
                        row.price(),
                        row.size(),
                        null,
                        Long.toString(n + 1),
                        null));
            }
            return new TicksAccepted(
                    UUID.nameUUIDFromBytes(("load#" + first).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    Instant.now(),
                    "bitstamp",
                    "BTC-USD",
                    Dataset.TRADES,
                    ticks,
                    List.of("load-" + first));
        }
    }

    private static SqsClient sqs(EmbeddedAws aws) {
        return SqsClient.builder()
                .endpointOverride(aws.sqs())
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(16))
                .build();
    }

    /** The trade count of the 1m candle opening at {@code minute} (epoch ms), 0 while there is none. */
    private static long tradeCount(HttpClient http, URI candles, long minute) {
        URI uri = URI.create(
                candles + "?from=" + Instant.ofEpochMilli(minute) + "&to=" + Instant.ofEpochMilli(minute + 60_000));
        try {
            String body = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            JsonNode list = ContractJson.mapper().readTree(body);
            return list.isArray() && !list.isEmpty()
                    ? list.get(0).path("tradeCount").asLong()
                    : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("tickflow", "tickflow-local"));

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
