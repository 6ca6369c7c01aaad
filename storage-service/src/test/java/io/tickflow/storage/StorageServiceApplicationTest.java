package io.tickflow.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.aws.RequiredResources;
import io.tickflow.common.topology.QueueSpec;
import io.tickflow.common.topology.Topology;
import io.tickflow.storage.config.StorageProperties;
import io.tickflow.testing.ServiceReadinessContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** storage-service against the embedded AWS stack, with the configuration it ships with. */
class StorageServiceApplicationTest extends ServiceReadinessContract {

    StorageServiceApplicationTest() {
        super(
                StorageServiceApplication.class,
                RequiredResources.builder()
                        .queues("tickflow-storage-ticks")
                        .topics("tickflow-market-events")
                        .buckets("tickflow-data")
                        .tables("tickflow-latest-quotes", "tickflow-candles")
                        .build());
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
        // Messages wait in a partition buffer until its flush: they must not come back before.
        assertThat(properties.flushInterval()).isLessThan(visibilityTimeoutOf(topology, properties.queue()));
    }

    private static Duration visibilityTimeoutOf(Topology topology, String queue) {
        return topology.queues().stream()
                .filter(q -> q.name().equals(queue))
                .map(QueueSpec::visibilityTimeout)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No queue named " + queue + " in the topology"));
    }
}
