package io.tickflow.common.topology;

import io.tickflow.common.topology.TableSpec.Index;
import io.tickflow.common.topology.TableSpec.Key;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Every queue, topic, subscription, bucket, table and secret Tickflow uses, declared once.
 *
 * <p>The embedded stack provisions exactly this, the LocalStack init hook is checked against it by a test, and the
 * services only ever look these resources up: they never create them. Names are {@code <prefix>-<name>}.
 */
public record Topology(
        String prefix,
        List<QueueSpec> queues,
        List<TopicSpec> topics,
        List<SubscriptionSpec> subscriptions,
        List<BucketSpec> buckets,
        List<TableSpec> tables,
        List<SecretSpec> secrets) {

    /** The prefix used when none is configured. */
    public static final String DEFAULT_PREFIX = "tickflow";

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9-]{0,30}[a-z0-9]");

    public Topology {
        queues = List.copyOf(queues);
        topics = List.copyOf(topics);
        subscriptions = List.copyOf(subscriptions);
        buckets = List.copyOf(buckets);
        tables = List.copyOf(tables);
        secrets = List.copyOf(secrets);
    }

    /** Tickflow's topology with the default prefix. */
    public static Topology tickflow() {
        return tickflow(DEFAULT_PREFIX);
    }

    /**
     * Tickflow's topology with every name under {@code prefix}.
     *
     * @param prefix lower-case letters, digits and dashes (it becomes part of bucket names)
     */
    public static Topology tickflow(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "The resource prefix must be 2-32 lower-case letters, digits or dashes, starting with a letter: "
                            + prefix);
        }
        UnaryOperator<String> n = shortName -> prefix + "-" + shortName;
        return new Topology(
                prefix,
                List.of(
                        queue(n.apply("ingest"), Duration.ofSeconds(60)),
                        // Partition buffers hold messages across a flush and extend their visibility while they do.
                        queue(n.apply("storage-ticks"), Duration.ofSeconds(120)),
                        queue(n.apply("alert-ticks"), Duration.ofSeconds(30)),
                        queue(n.apply("analysis-requests"), Duration.ofMinutes(5)),
                        // Trial batches of running studies, shared by every analysis worker; workers extend the
                        // visibility of a batch while they backtest it.
                        queue(n.apply("analysis-trials"), Duration.ofMinutes(2)),
                        queue(n.apply("notifications"), Duration.ofSeconds(60))),
                List.of(
                        new TopicSpec(n.apply("market-ticks")),
                        new TopicSpec(n.apply("market-events")),
                        new TopicSpec(n.apply("analysis-results"))),
                List.of(
                        raw(n.apply("market-ticks"), n.apply("storage-ticks"), null),
                        // Price alerts need trades and quotes; bars and the other events stay out of that queue.
                        raw(
                                n.apply("market-ticks"),
                                n.apply("alert-ticks"),
                                "{\"eventType\":[\"TicksAccepted\"],\"dataset\":[\"trades\",\"quotes\"]}"),
                        raw(n.apply("market-events"), n.apply("alert-ticks"), "{\"eventType\":[\"CandleClosed\"]}"),
                        // Progress events are for whoever watches a study; notification-service acts on outcomes.
                        raw(
                                n.apply("analysis-results"),
                                n.apply("notifications"),
                                "{\"eventType\":[\"AnalysisCompleted\",\"AnalysisFailed\"]}")),
                List.of(new BucketSpec(
                        n.apply("data"),
                        List.of(new BucketSpec.Expiration("expire-rejected", "rejected/", Duration.ofDays(90))))),
                List.of(
                        table(n.apply("ingest-dedup"), Key.string("id"), null, List.of(), "expiresAt"),
                        table(n.apply("latest-quotes"), Key.string("instrument"), null, List.of(), null),
                        table(n.apply("candles"), Key.string("series"), Key.number("openTime"), List.of(), "expiresAt"),
                        // Which lake object holds each event's ticks of a partition, so a redelivery is not written
                        // twice.
                        table(
                                n.apply("lake-commits"),
                                Key.string("partition"),
                                Key.string("eventId"),
                                List.of(),
                                "expiresAt"),
                        table(
                                n.apply("analysis-jobs"),
                                Key.string("jobId"),
                                null,
                                List.of(new Index(
                                        "by-symbol", Key.string("symbol"), Optional.of(Key.string("createdAt")))),
                                null),
                        // The results of each trial batch of a study, so that a study resumed by another worker
                        // reuses what was already computed.
                        table(
                                n.apply("analysis-trials"),
                                Key.string("jobId"),
                                Key.string("batchId"),
                                List.of(),
                                "expiresAt"),
                        table(
                                n.apply("subscriptions"),
                                Key.string("owner"),
                                Key.string("subscriptionId"),
                                List.of(new Index(
                                        "by-subscription-id", Key.string("subscriptionId"), Optional.empty())),
                                null),
                        // notification-service's delivery log: an item per shard of an event's fan-out, holding
                        // an entry per delivery, so that a fan-out costs a few dozen writes, not one per delivery.
                        table(n.apply("deliveries"), Key.string("fanOutId"), null, List.of(), "expiresAt"),
                        // Price-alert state per rule of a subscription (last side, window, last candle, the
                        // crossings claimed so far), so that a restart or a second worker fires each crossing once.
                        table(
                                n.apply("alert-state"),
                                Key.string("subscriptionId"),
                                Key.string("rule"),
                                List.of(),
                                null),
                        table(
                                n.apply("api-keys"),
                                Key.string("keyHash"),
                                null,
                                List.of(new Index("by-owner", Key.string("owner"), Optional.empty())),
                                null)),
                List.of(new SecretSpec(prefix + "/notification-service", List.of("tickflow.notify.api-key-pepper"))));
    }

    /** The fully qualified name of a queue, e.g. {@code queue("ingest")} is {@code tickflow-ingest}. */
    public String queue(String shortName) {
        return find(queues.stream().map(QueueSpec::name).toList(), shortName, "queue");
    }

    /** The fully qualified name of a topic. */
    public String topic(String shortName) {
        return find(topics.stream().map(TopicSpec::name).toList(), shortName, "topic");
    }

    /** The fully qualified name of a bucket. */
    public String bucket(String shortName) {
        return find(buckets.stream().map(BucketSpec::name).toList(), shortName, "bucket");
    }

    /** The fully qualified name of a table. */
    public String table(String shortName) {
        return find(tables.stream().map(TableSpec::name).toList(), shortName, "table");
    }

    /** Every queue name, dead-letter queues included. */
    public List<String> allQueueNames() {
        return queues.stream()
                .flatMap(q -> java.util.stream.Stream.of(q.name(), q.deadLetterQueue()))
                .toList();
    }

    private String find(List<String> names, String shortName, String kind) {
        String wanted = prefix + "-" + shortName;
        if (!names.contains(wanted)) {
            throw new IllegalArgumentException("No " + kind + " named " + wanted + " in the topology: " + names);
        }
        return wanted;
    }

    private static QueueSpec queue(String name, Duration visibilityTimeout) {
        return new QueueSpec(name, name + "-dlq", 5, visibilityTimeout, Duration.ofDays(4));
    }

    private static SubscriptionSpec raw(String topic, String queue, String filterPolicy) {
        return new SubscriptionSpec(topic, queue, Optional.ofNullable(filterPolicy), true);
    }

    private static TableSpec table(String name, Key pk, Key sk, List<Index> indexes, String ttl) {
        return new TableSpec(name, pk, Optional.ofNullable(sk), indexes, Optional.ofNullable(ttl));
    }
}
