package io.tickflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.common.aws.RequiredResources;
import io.tickflow.common.aws.ResourceKind;
import io.tickflow.common.topology.QueueSpec;
import io.tickflow.common.topology.Topology;
import io.tickflow.ingest.config.IngestProperties;
import io.tickflow.testing.RunningService;
import io.tickflow.testing.ServiceReadinessContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ingest-service against the embedded AWS stack, with the configuration it ships with. */
class IngestServiceApplicationTest extends ServiceReadinessContract {

    IngestServiceApplicationTest() {
        super(
                IngestServiceApplication.class,
                RequiredResources.builder()
                        .queues("tickflow-ingest", "tickflow-ingest-dlq")
                        .topics("tickflow-market-ticks")
                        .buckets("tickflow-data")
                        .tables("tickflow-ingest-dedup")
                        .build());
    }

    /**
     * The listener's queue must exist for the service to start at all ({@code queue-not-found-strategy: fail}, as
     * services never create queues); every other resource is pointed at a name that does not exist.
     */
    @Override
    protected String[] argumentsThatLeaveResourcesMissing() {
        return new String[] {
            "--tickflow.ingest.dead-letter-queue=nowhere-ingest-dlq",
            "--tickflow.ingest.ticks-topic=nowhere-market-ticks",
            "--tickflow.ingest.bucket=nowhere-data",
            "--tickflow.ingest.dedup-table=nowhere-ingest-dedup"
        };
    }

    @Override
    protected Map<ResourceKind, Map<String, String>> statusesWhileResourcesAreMissing() {
        return Map.of(
                ResourceKind.QUEUE,
                Map.of("tickflow-ingest", AVAILABLE, "nowhere-ingest-dlq", DOES_NOT_EXIST),
                ResourceKind.TOPIC,
                Map.of("nowhere-market-ticks", DOES_NOT_EXIST),
                ResourceKind.BUCKET,
                Map.of("nowhere-data", DOES_NOT_EXIST),
                ResourceKind.TABLE,
                Map.of("nowhere-ingest-dedup", DOES_NOT_EXIST));
    }

    @Test
    void refusesToStartWithoutItsIngestQueue() {
        assertThatThrownBy(() ->
                        RunningService.start(IngestServiceApplication.class, "--tickflow.ingest.queue=nowhere-ingest"))
                .hasStackTraceContaining("nowhere-ingest");
    }

    @Test
    void defaultResourceNamesAreTheTopologys() {
        IngestProperties properties = service().context().getBean(IngestProperties.class);
        Topology topology = Topology.tickflow();

        assertThat(properties.queue()).isEqualTo(topology.queue("ingest"));
        assertThat(properties.deadLetterQueue()).isEqualTo(deadLetterQueueOf(topology, properties.queue()));
        assertThat(properties.ticksTopic()).isEqualTo(topology.topic("market-ticks"));
        assertThat(properties.bucket()).isEqualTo(topology.bucket("data"));
        assertThat(properties.dedupTable()).isEqualTo(topology.table("ingest-dedup"));
    }

    private static String deadLetterQueueOf(Topology topology, String queue) {
        return topology.queues().stream()
                .filter(q -> q.name().equals(queue))
                .map(QueueSpec::deadLetterQueue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No queue named " + queue + " in the topology"));
    }
}
