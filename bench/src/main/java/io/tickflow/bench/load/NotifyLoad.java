package io.tickflow.bench.load;

import io.tickflow.common.aws.sns.SnsEventPublisher;
import io.tickflow.common.aws.sns.TopicArns;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.analysis.AnalysisCompleted;
import io.tickflow.common.contract.notify.ApiKeyHash;
import io.tickflow.common.topology.SecretSpec;
import io.tickflow.common.topology.Topology;
import io.tickflow.notify.delivery.DeliveryIds;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The notification fan-out load harness, and {@code bench/reports/notify-fanout.md}: issue 6's targets for
 * notification-service, measured on the embedded stack.
 *
 * <p>notification-service runs as a child process with {@code -Xmx384m}, its defaults, loopback webhooks allowed,
 * signing secrets cached 5 s (shorter than the gap between events) and a delivery timeout of 5 s. The harness issues
 * an API key the way the CLI does (the peppered hash into the api-keys table), creates webhook subscriptions through
 * the service's API, publishes AnalysisCompleted events on {@code tickflow-analysis-results} as analysis-worker does,
 * and receives the signed POSTs on {@link LoopbackWebhooks}.
 *
 * <ol>
 *   <li><b>Phase A</b>: N healthy subscriptions (1,000); R events (5), each with a fresh event id, a gap apart.
 *   <li><b>Phase B</b>: phase A's subscriptions deleted; 90 % healthy and 10 % hanging subscriptions, the hanging ones
 *       spread over 10 ports that read the request and never answer; R events again.
 * </ol>
 *
 * <p>The latency of a delivery is from just before the harness's SNS publish call to the moment its POST has been read
 * by the receiver, both on this JVM's monotonic clock. Every delivery is identified by its {@code Idempotency-Key},
 * so that a delivery received twice, or not at all, is counted as such. After each phase, the delivery log (the
 * deliveries table) and the dead-letter queue tell what became of every delivery; the service's GC log gives its heap.
 */
public final class NotifyLoad {

    private static final String USAGE =
            """
            Usage: NotifyLoad [--subscriptions N] [--hanging-percent P] [--hanging-ports N] [--events R]
                              [--warm-up-events N] [--event-gap SECONDS] [--settle-timeout SECONDS] [--root DIR]
                              [--report FILE]
              --subscriptions   webhook subscriptions each event is fanned out to (default 1000)
              --hanging-percent share of them that hang in phase B (default 10)
              --hanging-ports   ports the hanging endpoints are spread over (default 10)
              --events          events per phase, each with a fresh event id (default 5)
              --warm-up-events  events before phase A's on the fresh service, reported apart (default 3; 0: none)
              --event-gap       seconds from one publish to the next (default 10)
              --settle-timeout  seconds to wait after a phase's last event for every delivery to end (default 300)
              --root            repository root with the built jars (default: the working directory)
              --report          report file (default ROOT/bench/reports/notify-fanout.md)
            Build first: see bench/README.md.
            """;

    private static final Topology TOPOLOGY = Topology.tickflow();
    private static final String HEAP = "384m";
    private static final long HEAP_TARGET_MB = 384;
    private static final long LATENCY_TARGET_MS = 1_000;

    /**
     * How long after the last subscription is created the first event goes out: twice the service's subscription
     * refresh (2 s) and a scan's time, so that its background read has seen every subscription.
     */
    static final Duration SUBSCRIPTIONS_SEEN = Duration.ofSeconds(5);
    // The signing-secret cache shorter than the gap between events: every event reads its subscriptions' secrets, as
    // events minutes apart do.
    private static final List<String> SERVICE_PROPERTIES = List.of(
            "--tickflow.notify.allowed-networks=127.0.0.0/8",
            "--tickflow.notify.delivery-timeout=5s",
            "--tickflow.notify.signing-secret-cache=5s");

    private NotifyLoad() {}

    /**
     * What a run does.
     *
     * @param subscriptions webhook subscriptions per phase
     * @param hangingPercent the share of them that hang in phase B
     * @param hangingPorts ports the hanging endpoints are spread over
     * @param events events per phase
     * @param warmUpEvents events before phase A's, on its subscriptions, left out of its numbers
     * @param gap from one publish to the next
     * @param settleTimeout how long the deliveries of a phase may take to end after its last event
     */
    record Options(
            int subscriptions,
            int hangingPercent,
            int hangingPorts,
            int events,
            int warmUpEvents,
            Duration gap,
            Duration settleTimeout,
            Path root,
            Path report) {

        Options {
            if (subscriptions < 1
                    || hangingPercent < 0
                    || hangingPercent > 100
                    || hangingPorts < 1
                    || events < 1
                    || warmUpEvents < 0) {
                throw new IllegalArgumentException("Counts are positive and --hanging-percent is 0..100\n" + USAGE);
            }
        }

        int hanging() {
            return subscriptions * hangingPercent / 100;
        }

        static Options parse(String... args) {
            int subscriptions = 1_000;
            int hangingPercent = 10;
            int hangingPorts = 10;
            int events = 5;
            int warmUps = 3;
            Duration gap = Duration.ofSeconds(10);
            Duration settle = Duration.ofSeconds(300);
            Path root = Path.of("").toAbsolutePath();
            Path report = null;
            for (int i = 0; i < args.length; i += 2) {
                if (args[i].equals("--help") || args[i].equals("-h") || i + 1 >= args.length) {
                    throw new IllegalArgumentException(USAGE);
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--subscriptions" -> subscriptions = Integer.parseInt(value);
                    case "--hanging-percent" -> hangingPercent = Integer.parseInt(value);
                    case "--hanging-ports" -> hangingPorts = Integer.parseInt(value);
                    case "--events" -> events = Integer.parseInt(value);
                    case "--warm-up-events" -> warmUps = Integer.parseInt(value);
                    case "--event-gap" -> gap = Duration.ofSeconds(Long.parseLong(value));
                    case "--settle-timeout" -> settle = Duration.ofSeconds(Long.parseLong(value));
                    case "--root" -> root = Path.of(value).toAbsolutePath();
                    case "--report" -> report = Path.of(value).toAbsolutePath();
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
                }
            }
            return new Options(
                    subscriptions,
                    hangingPercent,
                    hangingPorts,
                    events,
                    warmUps,
                    gap,
                    settle,
                    root,
                    report != null ? report : root.resolve("bench/reports/notify-fanout.md"));
        }
    }

    public static void main(String[] args) throws Exception {
        // A bad option propagates: the JVM prints its message and exits with a failure.
        Options options = Options.parse(args);
        LoadOptions shared = LoadOptions.parse("--root", options.root().toString());
        Instant started = Instant.now();
        Path logs = options.root()
                .resolve("bench/target/notify-load")
                .resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(started));
        Files.createDirectories(logs);
        log("logs in %s", logs);
        String loadBefore = loadAverage();
        Phase a;
        Phase b;
        Heap heap;
        try (EmbeddedAws aws = EmbeddedAws.start(shared, logs);
                Clients clients = new Clients(aws);
                LoopbackWebhooks hooks = new LoopbackWebhooks(options.hangingPorts());
                ServiceProcess service = ServiceProcess.start(
                        shared,
                        aws,
                        "notification-service",
                        shared.notificationServiceJar(),
                        "fanout",
                        HEAP,
                        SERVICE_PROPERTIES,
                        logs)) {
            service.awaitReady(Duration.ofMinutes(3));
            Api api = new Api(service.base(), issueKey(clients, "bench-load"));
            String topicArn = new TopicArns(clients.sns())
                    .lookup(TOPOLOGY.topic("analysis-results"))
                    .get();
            try (TopicProbe probe = new TopicProbe(clients.sqs(), clients.sns(), topicArn, "bench-notify-probe")) {
                Run run = new Run(
                        options,
                        clients,
                        hooks,
                        probe,
                        service,
                        api,
                        aws.process().pid());
                a = run.phase("A", "FANA", options.subscriptions(), 0, options.warmUpEvents());
                api.deleteAll(a.subscriptionIds());
                b = run.phase("B", "FANB", options.subscriptions() - options.hanging(), options.hanging(), 0);
            }
            heap = Heap.of(service, a.window(), b.window());
        }
        String loadAfter = loadAverage();
        Files.createDirectories(options.report().getParent());
        Files.writeString(
                options.report(), NotifyReport.write(started, args, options, loadBefore, loadAfter, a, b, heap));
        log(
                "phase A p99 %s ms, phase B healthy p99 %s ms, heap after GC <= %d MB, peak %d MB; report in %s",
                a.latencies().p99Text(), b.latencies().p99Text(), heap.maxAfterGcMb(), heap.peakMb(), options.report());
    }

    // --- one phase ----------------------------------------------------------------------------------------------

    /** Everything a phase needs; phases run one after the other on the same service. */
    private record Run(
            Options options,
            Clients clients,
            LoopbackWebhooks hooks,
            TopicProbe probe,
            ServiceProcess service,
            Api api,
            long localAwsPid) {

        /**
         * Creates the phase's subscriptions and publishes its events; {@code warmUps} events go first, reported apart
         * and left out of the phase's numbers.
         */
        Phase phase(String name, String symbol, int healthy, int hanging, int warmUps) {
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < healthy; i++) {
                urls.add(hooks.healthyUrl(i));
            }
            for (int i = 0; i < hanging; i++) {
                urls.add(hooks.hangingUrl(i));
            }
            log("phase %s: creating %,d subscriptions (%,d hanging) through the API", name, urls.size(), hanging);
            long creating = System.nanoTime();
            List<String> ids = api.createAll(urls, symbol, "load-" + name);
            double creationSeconds = (System.nanoTime() - creating) / 1e9;
            log("phase %s: created in %.1f s", name, creationSeconds);
            // The service reads its subscriptions in the background; a scan that began before the last creation
            // misses it, the next one (an interval later) does not.
            sleep(SUBSCRIPTIONS_SEEN);

            double countedBefore = deliveriesCounted();
            RequestCounts callsBefore = RequestCounts.fromPrometheus(service.metrics());
            Window.Mark start = Window.mark(service.process().pid(), localAwsPid);
            AnalysisCompleted template = exampleOutcome();
            SnsEventPublisher publisher = new SnsEventPublisher(
                    clients.sns(), new TopicArns(clients.sns()).lookup(TOPOLOGY.topic("analysis-results")), 10);
            List<EventRun> events = new ArrayList<>();
            for (int e = 0; e < warmUps + options.events(); e++) {
                UUID eventId = UUID.randomUUID();
                List<LoopbackWebhooks.Expected> expected = new ArrayList<>(ids.size());
                for (int s = 0; s < ids.size(); s++) {
                    var delivery = new LoopbackWebhooks.Expected(e, s, s >= healthy, eventId.toString());
                    hooks.expect(DeliveryIds.of(ids.get(s), eventId).toString(), delivery);
                    expected.add(delivery);
                }
                AnalysisCompleted event = outcome(template, eventId, symbol);
                long publishedAtMillis = System.currentTimeMillis();
                long published = System.nanoTime();
                publisher.publish(List.of(event));
                long publishCall = System.nanoTime() - published;
                List<LoopbackWebhooks.Expected> healthyOnes =
                        expected.stream().filter(d -> !d.hanging).toList();
                awaitArrivals(healthyOnes, Duration.ofSeconds(60));
                long onQueue = probe.receivedAt(eventId.toString())
                        .map(at -> at - published)
                        .orElse(-1L);
                EventRun run = EventRun.of(
                        e + 1 - warmUps,
                        eventId,
                        published,
                        publishedAtMillis,
                        publishCall,
                        onQueue,
                        healthyOnes,
                        expected);
                events.add(run);
                log(
                        "phase %s event %s: %,d of %,d healthy deliveries, p50 %s ms, p99 %s ms, max %s ms",
                        name,
                        run.label(),
                        run.received(),
                        healthyOnes.size(),
                        run.latencies().percentileText(0.50),
                        run.latencies().p99Text(),
                        run.latencies().maxText());
                sleepUntil(published + options.gap().toNanos());
            }
            long expectedTotal = (long) ids.size() * (warmUps + options.events());
            boolean settled = awaitSettled(countedBefore + expectedTotal, options.settleTimeout());
            Window window = Window.between(start, Window.mark(service.process().pid(), localAwsPid));
            List<AwsCalls> calls = AwsCalls.between(callsBefore, RequestCounts.fromPrometheus(service.metrics()));
            log(
                    "phase %s: every delivery %s; reading the delivery log and dead letters",
                    name, settled ? "ended" : "did not end");
            Map<String, LoggedDelivery> logged = deliveryLog(clients);
            Map<String, String> deadLetters = deadLetters(clients);
            return Phase.of(
                    name,
                    healthy,
                    hanging,
                    hooks.hangingPorts(),
                    ids,
                    creationSeconds,
                    events,
                    settled,
                    window,
                    calls,
                    logged,
                    deadLetters,
                    hooks.unknown(),
                    hooks.bodyMismatches(),
                    hooks.refused());
        }

        private void awaitArrivals(List<LoopbackWebhooks.Expected> deliveries, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (deliveries.stream().allMatch(LoopbackWebhooks.Expected::arrived)) {
                    return;
                }
                if (!service.process().isAlive()) {
                    throw new IllegalStateException("notification-service died; see "
                            + service.process().log());
                }
                sleep(Duration.ofMillis(10));
            }
        }

        private boolean awaitSettled(double count, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (deliveriesCounted() >= count) {
                    return true;
                }
                if (!service.process().isAlive()) {
                    throw new IllegalStateException("notification-service died; see "
                            + service.process().log());
                }
                sleep(Duration.ofSeconds(1));
            }
            return false;
        }

        /** Deliveries whose event's fan-out has ended: delivered, duplicate or failed. */
        private double deliveriesCounted() {
            return service.metrics().sum("tickflow_notify_deliveries_total");
        }
    }

    // --- what was measured --------------------------------------------------------------------------------------

    /** Latencies in microseconds, sorted. */
    record Latencies(long[] micros) {

        static Latencies of(List<Long> micros) {
            return new Latencies(
                    micros.stream().mapToLong(Long::longValue).sorted().toArray());
        }

        long percentile(double p) {
            return micros.length == 0
                    ? -1
                    : micros[(int) Math.min(micros.length - 1, Math.max(0, Math.ceil(p * micros.length) - 1))];
        }

        long p99() {
            return percentile(0.99);
        }

        String percentileText(double p) {
            return millis(percentile(p));
        }

        String p99Text() {
            return millis(p99());
        }

        String maxText() {
            return millis(micros.length == 0 ? -1 : micros[micros.length - 1]);
        }

        static String millis(long micros) {
            return micros < 0 ? "-" : String.format(Locale.ROOT, "%,.1f", micros / 1000.0);
        }
    }

    /**
     * One event of a phase.
     *
     * @param published when the SNS publish call began, {@link System#nanoTime()}
     * @param publishedAtMillis the same moment by the wall clock, to compare with the delivery log's times
     * @param publishCallNanos how long the publish call took
     * @param onQueueNanos from publish until the harness's own queue on the topic received the event; -1 if it did not
     * @param received healthy deliveries that arrived at least once
     * @param duplicates POSTs of healthy deliveries beyond the first
     * @param latencies of the healthy deliveries that arrived
     * @param deliveries every delivery of the event, healthy and hanging
     */
    record EventRun(
            int number,
            UUID eventId,
            long published,
            long publishedAtMillis,
            long publishCallNanos,
            long onQueueNanos,
            int expectedHealthy,
            int received,
            int duplicates,
            Latencies latencies,
            List<LoopbackWebhooks.Expected> deliveries) {

        static EventRun of(
                int number,
                UUID eventId,
                long published,
                long publishedAtMillis,
                long publishCallNanos,
                long onQueueNanos,
                List<LoopbackWebhooks.Expected> healthy,
                List<LoopbackWebhooks.Expected> all) {
            List<Long> micros = new ArrayList<>();
            int duplicates = 0;
            for (LoopbackWebhooks.Expected delivery : healthy) {
                if (delivery.arrived()) {
                    micros.add((delivery.firstArrival.get() - published) / 1_000);
                }
                duplicates += Math.max(0, delivery.requests.get() - 1);
            }
            return new EventRun(
                    number,
                    eventId,
                    published,
                    publishedAtMillis,
                    publishCallNanos,
                    onQueueNanos,
                    healthy.size(),
                    micros.size(),
                    duplicates,
                    Latencies.of(micros),
                    all);
        }

        /** A warm-up event: numbered 0 or below, left out of its phase's numbers. */
        boolean warmUp() {
            return number <= 0;
        }

        String label() {
            return warmUp() ? "warm-up" + (1 - number) : Integer.toString(number);
        }

        /** Duplicates counted again now, after the phase settled: a late second POST counts too. */
        int duplicatesNow() {
            return deliveries.stream()
                    .filter(d -> !d.hanging)
                    .mapToInt(d -> Math.max(0, d.requests.get() - 1))
                    .sum();
        }
    }

    /**
     * The AWS calls of one operation the service made during a phase, as its {@code aws.requests} meters counted them.
     *
     * @param seconds the time those calls took together, waiting for a pooled connection included
     */
    record AwsCalls(RequestCounts.Operation operation, double calls, double seconds) {

        static List<AwsCalls> between(RequestCounts before, RequestCounts after) {
            List<AwsCalls> calls = new ArrayList<>();
            after.byOperation().forEach((operation, tally) -> {
                RequestCounts.Tally earlier = before.byOperation().getOrDefault(operation, RequestCounts.Tally.NONE);
                double count = tally.calls() - earlier.calls();
                if (count > 0) {
                    calls.add(new AwsCalls(operation, count, tally.seconds() - earlier.seconds()));
                }
            });
            return calls;
        }

        double meanMillis() {
            return seconds * 1000 / calls;
        }
    }

    /**
     * A delivery as the service's delivery log has it.
     *
     * @param claimedAtMillis when the service claimed it, epoch milliseconds; 0 if not logged
     */
    record LoggedDelivery(
            String status, int attempts, boolean deadLettered, long claimedAtMillis, @Nullable Instant failedAt) {}

    /**
     * What became of a phase's deliveries.
     *
     * @param healthyLogged healthy deliveries by their status and attempts in the delivery log ({@code DELIVERED x1})
     * @param hangingLogged the same for hanging deliveries
     * @param hangingRequests hanging deliveries by how many of their attempts reached the endpoint
     * @param hangingDeadLettered hanging deliveries found on the dead-letter queue
     * @param hangingReasons the dead letters' reasons, by what the last attempt ran into
     * @param hangingGiveUp seconds from publish to the delivery being logged as failed, sorted
     * @param otherDeadLetters dead letters of this phase's healthy deliveries
     */
    record Outcomes(
            Map<String, Integer> healthyLogged,
            Map<String, Integer> hangingLogged,
            Map<Integer, Integer> hangingRequests,
            int hangingDeadLettered,
            Map<String, Integer> hangingReasons,
            double[] hangingGiveUp,
            int otherDeadLetters) {}

    /**
     * One phase.
     *
     * @param latencies every healthy delivery's latency over all the phase's events
     * @param toClaim of the same deliveries, from publish until the service claimed the delivery (ms precision)
     * @param claimToArrival from that claim until the POST was read (ms precision)
     * @param settled whether every delivery ended (delivered or given up) within the settle timeout
     * @param unknown POSTs the receiver could not match to a delivery, since the harness started
     * @param bodyMismatches POSTs whose body lacked their event's id, since the harness started
     * @param refused requests on a non-loopback address, since the harness started
     */
    record Phase(
            String name,
            int healthy,
            int hanging,
            int hangingPorts,
            List<String> subscriptionIds,
            double creationSeconds,
            List<EventRun> events,
            Latencies latencies,
            Latencies toClaim,
            Latencies claimToArrival,
            boolean settled,
            Window window,
            List<AwsCalls> calls,
            Outcomes outcomes,
            int unknown,
            int bodyMismatches,
            int refused) {

        static Phase of(
                String name,
                int healthy,
                int hanging,
                int hangingPorts,
                List<String> ids,
                double creationSeconds,
                List<EventRun> events,
                boolean settled,
                Window window,
                List<AwsCalls> calls,
                Map<String, LoggedDelivery> logged,
                Map<String, String> deadLetters,
                int unknown,
                int bodyMismatches,
                int refused) {
            List<Long> all = new ArrayList<>();
            List<Long> toClaim = new ArrayList<>();
            List<Long> claimToArrival = new ArrayList<>();
            Map<String, Integer> healthyLogged = new TreeMap<>();
            Map<String, Integer> hangingLogged = new TreeMap<>();
            Map<Integer, Integer> hangingRequests = new TreeMap<>();
            Map<String, Integer> reasons = new TreeMap<>();
            List<Double> giveUp = new ArrayList<>();
            int hangingDead = 0;
            int otherDead = 0;
            for (EventRun event : measured(events)) {
                for (long micros : event.latencies().micros()) {
                    all.add(micros);
                }
                for (LoopbackWebhooks.Expected delivery : event.deliveries()) {
                    String key = DeliveryIds.of(ids.get(delivery.subscription), event.eventId())
                            .toString();
                    LoggedDelivery entry = logged.get(key);
                    String state = entry == null ? "not logged" : entry.status() + " x" + entry.attempts();
                    String reason = deadLetters.get(key);
                    if (delivery.hanging) {
                        hangingLogged.merge(state, 1, Integer::sum);
                        hangingRequests.merge(delivery.requests.get(), 1, Integer::sum);
                        if (reason != null) {
                            hangingDead++;
                            reasons.merge(reasonKind(reason), 1, Integer::sum);
                        }
                        if (entry != null && entry.failedAt() != null) {
                            giveUp.add((entry.failedAt().toEpochMilli() - event.publishedAtMillis()) / 1000.0);
                        }
                    } else {
                        healthyLogged.merge(state, 1, Integer::sum);
                        if (entry != null && entry.claimedAtMillis() > 0 && delivery.arrived()) {
                            double arrivedAtMillis =
                                    event.publishedAtMillis() + (delivery.firstArrival.get() - event.published()) / 1e6;
                            toClaim.add((entry.claimedAtMillis() - event.publishedAtMillis()) * 1_000);
                            claimToArrival.add(Math.round((arrivedAtMillis - entry.claimedAtMillis()) * 1_000));
                        }
                        if (reason != null) {
                            otherDead++;
                        }
                    }
                }
            }
            Outcomes outcomes = new Outcomes(
                    healthyLogged,
                    hangingLogged,
                    hangingRequests,
                    hangingDead,
                    reasons,
                    giveUp.stream().mapToDouble(Double::doubleValue).sorted().toArray(),
                    otherDead);
            return new Phase(
                    name,
                    healthy,
                    hanging,
                    hangingPorts,
                    ids,
                    creationSeconds,
                    events,
                    Latencies.of(all),
                    Latencies.of(toClaim),
                    Latencies.of(claimToArrival),
                    settled,
                    window,
                    calls,
                    outcomes,
                    unknown,
                    bodyMismatches,
                    refused);
        }

        int expectedHealthy() {
            return measured(events).stream().mapToInt(EventRun::expectedHealthy).sum();
        }

        int received() {
            return measured(events).stream().mapToInt(EventRun::received).sum();
        }

        int duplicates() {
            return measured(events).stream().mapToInt(EventRun::duplicatesNow).sum();
        }

        /** Every healthy delivery arrived, none twice, and nothing arrived that was not expected. */
        boolean exactlyOnce() {
            return received() == expectedHealthy() && duplicates() == 0 && unknown == 0 && bodyMismatches == 0;
        }
    }

    private static List<EventRun> measured(List<EventRun> events) {
        return events.stream().filter(e -> !e.warmUp()).toList();
    }

    /** What the last attempt of a given-up delivery ran into, from the dead letter's reason. */
    static String reasonKind(String reason) {
        if (reason.contains("did not complete within the request timeout") || reason.contains("timed out")) {
            return "timed out (5 s)";
        }
        if (reason.contains("circuit")) {
            return "circuit open";
        }
        if (reason.contains("deliveries in flight already")) {
            return "bulkhead full";
        }
        return reason.length() > 80 ? reason.substring(0, 80) + "..." : reason;
    }

    /**
     * CPU and load over a phase, from the first publish to the end of its last delivery.
     *
     * @param serviceCores CPU of notification-service, in cores (CPU seconds per second)
     * @param localAwsCores CPU of the embedded stack
     * @param harnessCores CPU of this harness (publisher and receivers)
     * @param otherCores CPU of every other process on the machine
     */
    record Window(
            long startMillis,
            long endMillis,
            double serviceCores,
            double localAwsCores,
            double harnessCores,
            double otherCores,
            String loadAtStart,
            String loadAtEnd) {

        record Mark(
                long wallMillis,
                long nanos,
                double service,
                double localAws,
                double harness,
                double machine,
                String load) {}

        static Mark mark(long servicePid, long localAwsPid) {
            return new Mark(
                    System.currentTimeMillis(),
                    System.nanoTime(),
                    ProcCpu.cpuSeconds(servicePid),
                    ProcCpu.cpuSeconds(localAwsPid),
                    ProcCpu.cpuSeconds(ProcessHandle.current().pid()),
                    ProcCpu.machineBusySeconds(),
                    loadAverage());
        }

        static Window between(Mark start, Mark end) {
            double seconds = (end.nanos() - start.nanos()) / 1e9;
            double service = (end.service() - start.service()) / seconds;
            double localAws = (end.localAws() - start.localAws()) / seconds;
            double harness = (end.harness() - start.harness()) / seconds;
            double machine = (end.machine() - start.machine()) / seconds;
            return new Window(
                    start.wallMillis(),
                    end.wallMillis(),
                    service,
                    localAws,
                    harness,
                    Math.max(0, machine - service - localAws - harness),
                    start.load(),
                    end.load());
        }

        double seconds() {
            return (endMillis - startMillis) / 1000.0;
        }
    }

    /**
     * The service's heap over both phases, from its GC log ({@code -Xlog:gc}).
     *
     * @param peakMb the most heap in use before a collection: the peak the service reached
     * @param maxAfterGcMb the most heap still in use after a collection
     * @param maxCommittedMb the most heap the JVM had committed
     * @param fullGcs full collections (the heap did not suffice for young ones)
     * @param outOfMemory whether the service's log shows an OutOfMemoryError
     */
    record Heap(
            long peakMb,
            long maxAfterGcMb,
            long maxCommittedMb,
            int collections,
            int fullGcs,
            double longestPauseMillis,
            boolean outOfMemory,
            Path gcLog) {

        static Heap of(ServiceProcess service, Window a, Window b) {
            List<GcLog.Collection> during = GcLog.read(service.gcLog()).stream()
                    .filter(c -> (c.epochMillis() >= a.startMillis() && c.epochMillis() <= a.endMillis())
                            || (c.epochMillis() >= b.startMillis() && c.epochMillis() <= b.endMillis()))
                    .toList();
            boolean oom;
            try {
                oom = Files.readString(service.process().log()).contains("OutOfMemoryError");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Heap(
                    during.stream()
                                    .mapToLong(GcLog.Collection::beforeBytes)
                                    .max()
                                    .orElse(0)
                            >> 20,
                    during.stream()
                                    .mapToLong(GcLog.Collection::afterBytes)
                                    .max()
                                    .orElse(0)
                            >> 20,
                    during.stream().mapToLong(GcLog.Collection::heapBytes).max().orElse(0) >> 20,
                    during.size(),
                    (int) during.stream()
                            .filter(c -> c.kind().startsWith("Pause Full"))
                            .count(),
                    during.stream()
                            .mapToDouble(GcLog.Collection::pauseMillis)
                            .max()
                            .orElse(0),
                    oom || !service.process().isAlive(),
                    service.gcLog());
        }

        boolean met() {
            return !outOfMemory && collections > 0 && maxAfterGcMb <= HEAP_TARGET_MB && fullGcs == 0;
        }
    }

    // --- the service's API and the embedded stack -------------------------------------------------------------------

    /** The harness's AWS clients on the embedded stack. */
    private record Clients(SnsClient sns, SqsClient sqs, DynamoDbClient dynamoDb, SecretsManagerClient secrets)
            implements AutoCloseable {

        Clients(EmbeddedAws aws) {
            this(aws.snsClient(), aws.sqsClient(), aws.dynamoDbClient(), aws.secretsManagerClient());
        }

        @Override
        public void close() {
            sns.close();
            sqs.close();
            dynamoDb.close();
            secrets.close();
        }
    }

    /**
     * Issues an API key as the CLI does: a random {@code tfk_} key whose peppered hash goes into the api-keys table, the
     * pepper read from the service's secret.
     */
    private static String issueKey(Clients clients, String owner) {
        SecretSpec spec = TOPOLOGY.secrets().stream()
                .filter(s -> s.name().endsWith("/notification-service"))
                .findFirst()
                .orElseThrow();
        String json =
                clients.secrets().getSecretValue(r -> r.secretId(spec.name())).secretString();
        String pepper = ContractJson.mapper()
                .readTree(json)
                .path("tickflow.notify.api-key-pepper")
                .asString("");
        if (pepper.isEmpty()) {
            throw new IllegalStateException(spec.name() + " holds no tickflow.notify.api-key-pepper");
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String key = ApiKeyHash.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = ApiKeyHash.of(pepper, key);
        clients.dynamoDb().putItem(r -> r.tableName(TOPOLOGY.table("api-keys"))
                .item(Map.of(
                        "keyHash", AttributeValue.fromS(hash),
                        "keyId", AttributeValue.fromS(ApiKeyHash.keyId(hash)),
                        "owner", AttributeValue.fromS(owner),
                        "createdAt", AttributeValue.fromS(Instant.now().toString()))));
        return key;
    }

    /** notification-service's subscription API, called with one API key from four threads. */
    private record Api(URI base, String key, HttpClient http) {

        Api(URI base, String key) {
            this(
                    base,
                    key,
                    HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .build());
        }

        List<String> createAll(List<URI> urls, String symbol, String name) {
            return inParallel(urls.size(), i -> create(urls.get(i), symbol, name + "-" + i));
        }

        void deleteAll(List<String> ids) {
            log("deleting %,d subscriptions", ids.size());
            inParallel(ids.size(), i -> {
                HttpResponse<String> response = call("DELETE", "/api/v1/subscriptions/" + ids.get(i), null);
                if (response.statusCode() != 204) {
                    throw new IllegalStateException(
                            "DELETE answered " + response.statusCode() + ": " + response.body());
                }
                return ids.get(i);
            });
        }

        private String create(URI url, String symbol, String name) {
            Map<String, Object> body = Map.of(
                    "name", name,
                    "channel", Map.of("type", "webhook", "url", url.toString()),
                    "events", Map.of("symbols", List.of(symbol)));
            HttpResponse<String> response =
                    call("POST", "/api/v1/subscriptions", ContractJson.mapper().writeValueAsString(body));
            if (response.statusCode() != 201) {
                throw new IllegalStateException(
                        "POST /api/v1/subscriptions answered " + response.statusCode() + ": " + response.body());
            }
            return ContractJson.mapper()
                    .readTree(response.body())
                    .path("subscriptionId")
                    .asString();
        }

        private HttpResponse<String> call(String method, String path, @Nullable String body) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + key)
                    .timeout(Duration.ofSeconds(30))
                    .build();
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }

        private interface Call {
            String apply(int index);
        }

        /** Calls {@code call} for 0..count-1 from four threads; the results in index order. */
        private static List<String> inParallel(int count, Call call) {
            List<Future<String>> futures = new ArrayList<>(count);
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                for (int i = 0; i < count; i++) {
                    int index = i;
                    futures.add(pool.submit(() -> call.apply(index)));
                }
                List<String> results = new ArrayList<>(count);
                for (Future<String> future : futures) {
                    results.add(future.get());
                }
                return results;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }

    /** Every entry of the delivery log (the deliveries table: shard items holding an entry per delivery), by id. */
    private static Map<String, LoggedDelivery> deliveryLog(Clients clients) {
        Map<String, LoggedDelivery> entries = new HashMap<>();
        clients.dynamoDb()
                .scanPaginator(r -> r.tableName(TOPOLOGY.table("deliveries")).consistentRead(true))
                .items()
                .forEach(item -> item.get("deliveries").m().forEach((deliveryId, value) -> {
                    Map<String, AttributeValue> entry = value.m();
                    Map<String, AttributeValue> outcome =
                            entry.containsKey("outcome") ? entry.get("outcome").m() : Map.of();
                    AttributeValue attempts = outcome.get("attempts");
                    AttributeValue dead = outcome.get("deadLettered");
                    AttributeValue failedAt = outcome.get("failedAt");
                    AttributeValue claimedAt = entry.get("claimedAt");
                    entries.put(
                            deliveryId,
                            new LoggedDelivery(
                                    entry.get("status").s(),
                                    attempts == null ? 0 : Integer.parseInt(attempts.n()),
                                    dead != null && Boolean.TRUE.equals(dead.bool()),
                                    claimedAt == null ? 0 : Long.parseLong(claimedAt.n()),
                                    failedAt == null ? null : Instant.parse(failedAt.s())));
                }));
        return entries;
    }

    /**
     * The reasons of every dead letter on {@code tickflow-notifications-dlq}, by delivery id; they are received with a
     * long visibility timeout, so a later phase reads only its own.
     */
    private static Map<String, String> deadLetters(Clients clients) {
        String queue = clients.sqs()
                .getQueueUrl(r -> r.queueName(TOPOLOGY.queue("notifications") + "-dlq"))
                .queueUrl();
        Map<String, String> reasons = new HashMap<>();
        int emptyPolls = 0;
        while (emptyPolls < 2) {
            List<Message> messages = clients.sqs()
                    .receiveMessage(r -> r.queueUrl(queue)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .visibilityTimeout(3_600)
                            .messageAttributeNames("All"))
                    .messages();
            emptyPolls = messages.isEmpty() ? emptyPolls + 1 : 0;
            for (Message message : messages) {
                MessageAttributeValue id = message.messageAttributes().get("deliveryId");
                MessageAttributeValue reason = message.messageAttributes().get("rejectionReason");
                if (id != null) {
                    reasons.put(id.stringValue(), reason == null ? "(no reason)" : reason.stringValue());
                }
            }
        }
        return reasons;
    }

    /** The AnalysisCompleted example of common's contract fixtures. */
    private static AnalysisCompleted exampleOutcome() {
        try (InputStream in = AnalysisCompleted.class
                .getClassLoader()
                .getResourceAsStream("contracts/examples/tickflow.analysis-completed.v1/sma-crossover-sharpe.json")) {
            if (in == null) {
                throw new IllegalStateException("common's AnalysisCompleted example is not on the class path");
            }
            return ContractJson.mapper().readValue(in, AnalysisCompleted.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example outcome as a new event about {@code symbol}. */
    private static AnalysisCompleted outcome(AnalysisCompleted example, UUID eventId, String symbol) {
        return new AnalysisCompleted(
                eventId,
                Instant.now(),
                example.jobId(),
                example.requestId(),
                example.venue(),
                symbol,
                example.interval(),
                example.strategy(),
                example.objective(),
                new BigDecimal("1.58"),
                example.bestParameters(),
                example.metrics(),
                example.trials(),
                example.walkForward(),
                example.deflatedSharpe(),
                example.probabilityOfOverfitting(),
                example.reportKey(),
                example.reportUrl());
    }

    /** The 1, 5 and 15 minute load averages of the machine. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Sleeps until {@link System#nanoTime()} reaches {@code nanos}; the harnesses' pacing. */
    static void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            sleep(Duration.ofNanos(wait));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[notify-load] " + format + "%n", args);
    }

    static long latencyTargetMicros() {
        return LATENCY_TARGET_MS * 1_000;
    }

    static long heapTargetMb() {
        return HEAP_TARGET_MB;
    }

    static String heap() {
        return HEAP;
    }

    static List<String> serviceProperties() {
        return SERVICE_PROPERTIES;
    }
}
