package io.tickflow.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.topology.Topology;
import io.tickflow.ingest.IngestServiceApplication;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.localaws.junit.QueueDrainer;
import io.tickflow.testing.RunningService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.Message;

/** ingest-service running against the embedded stack: from tickflow-ingest to tickflow-market-ticks and rejected/. */
class IngestServiceIntegrationTest {

    private static final Topology TOPOLOGY = Topology.tickflow();
    private static final LocalAwsClients AWS = LocalAwsExtension.sharedClients();
    private static RunningService service;

    private final QueueDrainer drainer = new QueueDrainer(AWS);

    @BeforeAll
    static void start() {
        service = RunningService.start(IngestServiceApplication.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void emptyQueues() {
        drainer.drain(TOPOLOGY.queue("storage-ticks"), Duration.ofSeconds(1));
        drainer.drain(TOPOLOGY.queue("ingest") + "-dlq", Duration.ofSeconds(1));
    }

    @Test
    void aMixedBatchPublishesItsGoodTicksAndRecordsItsBadOneWithItsReason() {
        String symbol = uniqueSymbol();
        String messageId =
                send(batch(trade(symbol, "1", "800.0100000001"), trade(symbol, "2", "-5"), trade(symbol, "3", "801")));

        List<TicksAccepted> events = awaitEvents(1);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.symbol()).isEqualTo(symbol);
            assertThat(e.ticks()).hasSize(2);
            assertThat(e.source()).containsExactly(messageId);
            assertThat(ContractJson.mapper().writeValueAsString(e)).contains("\"800.0100000001\"");
        });
        String rejected = awaitRejectedObjectFor(messageId);
        assertThat(rejected)
                .contains("NON_POSITIVE_PRICE")
                .contains("\"position\":1")
                .contains("-5");
    }

    @Test
    void eachPublishedMessageCarriesTheRoutingAttributes() {
        String symbol = uniqueSymbol();
        send(batch(trade(symbol, "1", "800")));

        Message message = await().atMost(Duration.ofSeconds(30))
                .until(() -> drainer.drain(TOPOLOGY.queue("storage-ticks"), Duration.ofSeconds(1)), m -> !m.isEmpty())
                .getFirst();
        assertThat(message.messageAttributes().get("eventType").stringValue()).isEqualTo("TicksAccepted");
        assertThat(message.messageAttributes().get("symbol").stringValue()).isEqualTo(symbol);
        assertThat(message.messageAttributes().get("venue").stringValue()).isEqualTo("bitstamp");
        assertThat(message.messageAttributes().get("dataset").stringValue()).isEqualTo("trades");
        assertThat(message.messageAttributes().get("schemaVersion").dataType()).isEqualTo("Number");
    }

    @Test
    void sendingTheSameBatchAgainPublishesNothingMore() {
        String symbol = uniqueSymbol();
        String body = batch(trade(symbol, "1", "800"), trade(symbol, "2", "801"));
        send(body);
        assertThat(awaitEvents(1)).hasSize(1);
        double duplicatesBefore = duplicates();

        send(body);
        send(body);

        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() - duplicatesBefore >= 4);
        assertThat(drainer.drain(TOPOLOGY.queue("storage-ticks"), Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    void aMessageThatIsNotJsonIsQuarantinedWithItsReasonAndTheNextOneStillFlows() {
        String bad = send("this is not { json");
        String symbol = uniqueSymbol();
        send(batch(trade(symbol, "1", "800")));

        assertThat(awaitEvents(1)).singleElement().satisfies(e -> assertThat(e.symbol())
                .isEqualTo(symbol));
        Message quarantined = await().atMost(Duration.ofSeconds(30))
                .until(() -> drainer.drain(TOPOLOGY.queue("ingest") + "-dlq", Duration.ofSeconds(1)), m -> !m.isEmpty())
                .getFirst();
        assertThat(quarantined.body()).isEqualTo("this is not { json");
        assertThat(quarantined.messageAttributes().get("rejectionCode").stringValue())
                .isEqualTo("INVALID_JSON");
        assertThat(quarantined.messageAttributes().get("sourceMessageId").stringValue())
                .isEqualTo(bad);
        assertThat(awaitRejectedObjectFor(bad)).contains("INVALID_JSON");
    }

    private double duplicates() {
        MeterRegistry meters = service.context().getBean(MeterRegistry.class);
        return meters.counter("tickflow.ingest.ticks", "outcome", "duplicate").count();
    }

    private List<TicksAccepted> awaitEvents(int count) {
        List<TicksAccepted> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            drainer.drainBodies(TOPOLOGY.queue("storage-ticks"), Duration.ofSeconds(1)).stream()
                    .map(body -> ContractJson.mapper().readValue(body, TicksAccepted.class))
                    .forEach(events::add);
            return events.size() >= count;
        });
        return events;
    }

    private static String awaitRejectedObjectFor(String messageId) {
        String bucket = TOPOLOGY.bucket("data");
        S3Object object = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> AWS.s3().listObjectsV2(r -> r.bucket(bucket).prefix("rejected/")).contents().stream()
                                .filter(o -> o.key().endsWith("/" + messageId + ".ndjson"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(object.key()).matches("rejected/date=\\d{4}-\\d{2}-\\d{2}/.*");
        ResponseBytes<GetObjectResponse> bytes =
                AWS.s3().getObjectAsBytes(r -> r.bucket(bucket).key(object.key()));
        return bytes.asUtf8String();
    }

    static String send(String body) {
        String url = AWS.sqs()
                .getQueueUrl(r -> r.queueName(TOPOLOGY.queue("ingest")))
                .queueUrl();
        return AWS.sqs().sendMessage(r -> r.queueUrl(url).messageBody(body)).messageId();
    }

    static String uniqueSymbol() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '0') + "-USD";
    }

    static String batch(String... ticks) {
        return "{\"schema\":\"tickflow.tick-batch.v1\",\"venue\":\"bitstamp\",\"ticks\":[" + String.join(",", ticks)
                + "]}";
    }

    static String trade(String symbol, String tradeId, String price) {
        return "{\"type\":\"trade\",\"symbol\":\"%s\",\"time\":1385343668000,\"price\":\"%s\",\"size\":\"0.5\",\"tradeId\":\"%s\"}"
                .formatted(symbol, price, tradeId);
    }
}
