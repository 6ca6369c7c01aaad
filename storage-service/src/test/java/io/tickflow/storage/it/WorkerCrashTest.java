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
import io.tickflow.testing.ChildService;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A worker killed with SIGKILL while its lake buffer holds ticks: its messages come back once the heartbeat stops, the
 * next worker writes them, and every trade is in the lake exactly once; the candles the dead worker already updated
 * are not counted twice. Runs on a topology of its own (prefix {@code crash}).
 */
class WorkerCrashTest {

    private static final Topology TOPOLOGY = Topology.tickflow("crash");
    private static final LocalAwsClients AWS = LocalAwsExtension.sharedClients();

    @TempDir
    Path dir;

    @Test
    void everyTradeIsInTheLakeExactlyOnceAfterAWorkerIsKilledMidBuffer() throws Exception {
        new TopologyProvisioner(LocalAwsExtension.shared().endpoints()).provision(TOPOLOGY);
        // Messages of a worker that dies before its first heartbeat come back after the queue's own timeout.
        String queueUrl = AWS.sqs()
                .getQueueUrl(r -> r.queueName(TOPOLOGY.queue("storage-ticks")))
                .queueUrl();
        AWS.sqs().setQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "10")));
        List<Trade> trades = BitstampTrades.all().subList(20_000, 23_000);
        Lake lake = new Lake(AWS, TOPOLOGY.bucket("data"));
        String prefix = "market-data/trades/venue=crash/";
        Map<String, String> aws = LocalAwsExtension.shared().endpoints().springProperties();
        String[] settings = {
            "--tickflow.resource-prefix=crash",
            // Holds everything in the buffer until the kill, and lets messages reappear soon after it.
            "--tickflow.storage.flush-interval=10m",
            "--tickflow.storage.heartbeat-interval=2s",
            "--tickflow.storage.visibility-extension=10s"
        };

        try (ChildService first =
                ChildService.start(StorageServiceApplication.class, aws, dir.resolve("first.log"), settings)) {
            new MarketTicks(AWS, TOPOLOGY).publish(MarketTicks.events("crash", "BTC-USD", Dataset.TRADES, trades, 500));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> first.counter("tickflow_storage_ticks_buffered_total") >= trades.size());
            // Past the queue's visibility timeout: only the heartbeat keeps the held messages from coming back.
            await().pollDelay(Duration.ofSeconds(12))
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> true);
            assertThat(lake.keys(prefix)).isEmpty();
            first.kill();
        }
        assertThat(lake.keys(prefix)).isEmpty();
        try (ChildService second = ChildService.start(
                StorageServiceApplication.class,
                aws,
                dir.resolve("second.log"),
                "--tickflow.resource-prefix=crash",
                "--tickflow.storage.flush-interval=1s",
                "--logging.level.io.awspring=DEBUG",
                "--logging.level.io.tickflow=DEBUG")) {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> assertThat(
                            lake.rows(prefix, dir))
                    .as(
                            "events %s, buffered %s, written %s",
                            second.counter("tickflow_storage_events_total"),
                            second.counter("tickflow_storage_ticks_buffered_total"),
                            second.counter("tickflow_storage_lake_ticks_total"))
                    .isEqualTo(trades.size()));
            await().pollDelay(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> true);
            assertThat(lake.rows(prefix, dir)).isEqualTo(trades.size());
        }

        BigDecimal volume = trades.stream().map(Trade::size).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal stored = AWS
                .dynamoDb()
                .queryPaginator(r -> r.tableName(TOPOLOGY.table("candles"))
                        .keyConditionExpression("series = :s")
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("crash#BTC-USD#1m"))))
                .items()
                .stream()
                .map(item -> new BigDecimal(item.get("volume").s()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(stored).isEqualByComparingTo(volume);
    }
}
