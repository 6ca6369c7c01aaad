package io.tickflow.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.common.aws.RequiredResources;
import io.tickflow.common.aws.ResourceKind;
import io.tickflow.common.topology.QueueSpec;
import io.tickflow.common.topology.Topology;
import io.tickflow.storage.config.StorageProperties;
import io.tickflow.testing.RunningService;
import io.tickflow.testing.ServiceReadinessContract;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** storage-service against the embedded AWS stack, with the configuration it ships with. */
class StorageServiceApplicationTest extends ServiceReadinessContract {

    StorageServiceApplicationTest() {
        super(
                StorageServiceApplication.class,
                RequiredResources.builder()
                        .queues("tickflow-storage-ticks", "tickflow-storage-ticks-dlq")
                        .topics("tickflow-market-events")
                        .buckets("tickflow-data")
                        .tables("tickflow-latest-quotes", "tickflow-candles", "tickflow-lake-commits")
                        .build());
    }

    /**
     * The listener's queue must exist for the service to start at all ({@code queue-not-found-strategy: fail}, as
     * services never create queues); every other resource is pointed at a name that does not exist.
     */
    @Override
    protected String[] argumentsThatLeaveResourcesMissing() {
        return new String[] {
            "--tickflow.storage.dead-letter-queue=nowhere-storage-ticks-dlq",
            "--tickflow.storage.events-topic=nowhere-market-events",
            "--tickflow.storage.bucket=nowhere-data",
            "--tickflow.storage.quotes-table=nowhere-latest-quotes",
            "--tickflow.storage.candles-table=nowhere-candles",
            "--tickflow.storage.commits-table=nowhere-lake-commits"
        };
    }

    @Override
    protected Map<ResourceKind, Map<String, String>> statusesWhileResourcesAreMissing() {
        return Map.of(
                ResourceKind.QUEUE,
                Map.of("tickflow-storage-ticks", AVAILABLE, "nowhere-storage-ticks-dlq", DOES_NOT_EXIST),
                ResourceKind.TOPIC,
                Map.of("nowhere-market-events", DOES_NOT_EXIST),
                ResourceKind.BUCKET,
                Map.of("nowhere-data", DOES_NOT_EXIST),
                ResourceKind.TABLE,
                Map.of(
                        "nowhere-latest-quotes", DOES_NOT_EXIST,
                        "nowhere-candles", DOES_NOT_EXIST,
                        "nowhere-lake-commits", DOES_NOT_EXIST));
    }

    @Test
    void refusesToStartWithoutItsQueue() {
        assertThatThrownBy(() -> RunningService.start(
                        StorageServiceApplication.class, "--tickflow.storage.queue=nowhere-storage-ticks"))
                .hasStackTraceContaining("nowhere-storage-ticks");
    }

    @Test
    void defaultResourceNamesAreTheTopologys() {
        StorageProperties properties = service().context().getBean(StorageProperties.class);
        Topology topology = Topology.tickflow();

        assertThat(properties.queue()).isEqualTo(topology.queue("storage-ticks"));
        assertThat(properties.eventsTopic()).isEqualTo(topology.topic("market-events"));
        assertThat(properties.bucket()).isEqualTo(topology.bucket("data"));
        assertThat(properties.quotesTable()).isEqualTo(topology.table("latest-quotes"));
        assertThat(properties.candlesTable()).isEqualTo(topology.table("candles"));
        assertThat(properties.commitsTable()).isEqualTo(topology.table("lake-commits"));
        assertThat(properties.deadLetterQueue()).isEqualTo(topology.queue("storage-ticks") + "-dlq");
        // Messages wait in the lake buffer until its flush: the heartbeat must come round before they would reappear.
        assertThat(properties.heartbeatInterval()).isLessThan(visibilityTimeoutOf(topology, properties.queue()));
        assertThat(properties.heartbeatInterval()).isLessThan(properties.visibilityExtension());
        assertThat(properties.commitTtl()).isGreaterThanOrEqualTo(retentionOf(topology, properties.queue()));
    }

    private static Duration retentionOf(Topology topology, String queue) {
        return topology.queues().stream()
                .filter(q -> q.name().equals(queue))
                .map(QueueSpec::retention)
                .findFirst()
                .orElseThrow();
    }

    private static Duration visibilityTimeoutOf(Topology topology, String queue) {
        return topology.queues().stream()
                .filter(q -> q.name().equals(queue))
                .map(QueueSpec::visibilityTimeout)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No queue named " + queue + " in the topology"));
    }
}
