package io.tickflow.storage.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.localaws.provision.TopologyProvisioner;
import io.tickflow.storage.BitstampTrades;
import io.tickflow.storage.StorageServiceApplication;
import io.tickflow.testing.RunningService;
import io.tickflow.testing.SwitchableProxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 unreachable for a while, then back: the flush is retried with the same batch, the held messages stay invisible,
 * nothing is lost and nothing is written twice. Runs on a topology of its own (prefix {@code s3outage}).
 */
class S3OutageTest {

    private static final Topology TOPOLOGY = Topology.tickflow("s3outage");
    private static final LocalAwsClients AWS = LocalAwsExtension.sharedClients();

    @TempDir
    Path dir;

    @Test
    void ticksHeldWhileS3IsDownAreWrittenOnceWhenItIsBack() throws Exception {
        new TopologyProvisioner(LocalAwsExtension.shared().endpoints()).provision(TOPOLOGY);
        List<Trade> trades = BitstampTrades.all().subList(0, 2_000);
        Lake lake = new Lake(AWS, TOPOLOGY.bucket("data"));
        String prefix = "market-data/trades/venue=outage/";

        try (SwitchableProxy s3 =
                new SwitchableProxy(LocalAwsExtension.shared().endpoints().s3())) {
            Map<String, String> aws =
                    new LinkedHashMap<>(LocalAwsExtension.shared().endpoints().springProperties());
            aws.put("spring.cloud.aws.s3.endpoint", s3.endpoint().toString());
            try (RunningService service = RunningService.start(
                    StorageServiceApplication.class,
                    aws,
                    "--tickflow.resource-prefix=s3outage",
                    "--tickflow.storage.flush-interval=1s",
                    "--tickflow.storage.heartbeat-interval=2s",
                    "--tickflow.storage.visibility-extension=10s")) {
                s3.down();
                new MarketTicks(AWS, TOPOLOGY)
                        .publish(MarketTicks.events("outage", "BTC-USD", Dataset.TRADES, trades, 500));

                // Longer than the queue's visibility timeout would allow without the heartbeat, with flushes failing.
                await().pollDelay(Duration.ofSeconds(12))
                        .atMost(Duration.ofSeconds(15))
                        .until(() -> true);
                s3.up();

                await().atMost(Duration.ofSeconds(60))
                        .ignoreExceptions()
                        .untilAsserted(() -> assertThat(lake.rows(prefix, dir)).isEqualTo(trades.size()));
                // Every message was acknowledged, none dead-lettered, and nothing more arrives.
                await().atMost(Duration.ofSeconds(30)).until(() -> depth(TOPOLOGY.queue("storage-ticks")) == 0);
                assertThat(depth(TOPOLOGY.queue("storage-ticks") + "-dlq")).isZero();
                assertThat(lake.rows(prefix, dir)).isEqualTo(trades.size());
                assertThat(service.context().isRunning()).isTrue();
            }
        }
    }

    private static int depth(String queue) {
        String url = AWS.sqs().getQueueUrl(r -> r.queueName(queue)).queueUrl();
        Map<String, String> attributes = AWS.sqs()
                .getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("All"))
                .attributesAsStrings();
        return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
    }
}
