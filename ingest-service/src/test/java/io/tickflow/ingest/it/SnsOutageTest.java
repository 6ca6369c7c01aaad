package io.tickflow.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.topology.Topology;
import io.tickflow.ingest.IngestServiceApplication;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.localaws.junit.QueueDrainer;
import io.tickflow.localaws.provision.TopologyProvisioner;
import io.tickflow.testing.RunningService;
import io.tickflow.testing.SwitchableProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SNS unreachable for a while, then back: the ingest message is retried, nothing is lost, nothing is published twice,
 * nothing dead-letters. Runs on a topology of its own (prefix {@code outage}) with a short visibility timeout, so
 * retries come quickly and other tests' queues are untouched.
 */
class SnsOutageTest {

    private static final Topology TOPOLOGY = Topology.tickflow("outage");
    private static final LocalAwsClients AWS = LocalAwsExtension.sharedClients();

    @Test
    void ticksSentWhileSnsIsDownArePublishedOnceItIsBack() {
        new TopologyProvisioner(LocalAwsExtension.shared().endpoints()).provision(TOPOLOGY);
        String ingestUrl = AWS.sqs()
                .getQueueUrl(r -> r.queueName(TOPOLOGY.queue("ingest")))
                .queueUrl();
        AWS.sqs().setQueueAttributes(r -> r.queueUrl(ingestUrl)
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "2")));
        QueueDrainer drainer = new QueueDrainer(AWS);
        drainer.drain(TOPOLOGY.queue("storage-ticks"), Duration.ofSeconds(1));

        try (SwitchableProxy sns =
                new SwitchableProxy(LocalAwsExtension.shared().endpoints().sns())) {
            Map<String, String> aws =
                    new LinkedHashMap<>(LocalAwsExtension.shared().endpoints().springProperties());
            aws.put("spring.cloud.aws.sns.endpoint", sns.endpoint().toString());
            sns.down();
            try (RunningService service =
                    RunningService.start(IngestServiceApplication.class, aws, "--tickflow.resource-prefix=outage")) {
                String body = IngestServiceIntegrationTest.batch(
                        IngestServiceIntegrationTest.trade("OUT-USD", "1", "800"),
                        IngestServiceIntegrationTest.trade("OUT-USD", "2", "801"));
                AWS.sqs().sendMessage(r -> r.queueUrl(ingestUrl).messageBody(body));

                // Let it fail at least twice while SNS is away.
                await().pollDelay(Duration.ofSeconds(5))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> true);
                assertThat(drainer.drain(TOPOLOGY.queue("storage-ticks"), Duration.ofSeconds(1)))
                        .isEmpty();

                sns.up();
                List<TicksAccepted> events = new ArrayList<>();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    drainer.drainBodies(TOPOLOGY.queue("storage-ticks"), Duration.ofSeconds(1)).stream()
                            .map(b -> ContractJson.mapper().readValue(b, TicksAccepted.class))
                            .forEach(events::add);
                    return !events.isEmpty();
                });
                events.addAll(drainer.drainBodies(TOPOLOGY.queue("storage-ticks"), Duration.ofSeconds(4)).stream()
                        .map(b -> ContractJson.mapper().readValue(b, TicksAccepted.class))
                        .toList());

                assertThat(events).singleElement().satisfies(e -> assertThat(e.ticks())
                        .hasSize(2));
                assertThat(drainer.drain(TOPOLOGY.queue("ingest") + "-dlq", Duration.ofSeconds(1)))
                        .isEmpty();
                assertThat(service.context().isRunning()).isTrue();
            }
        }
    }
}
