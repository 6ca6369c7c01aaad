package io.tickflow.notify.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.common.contract.notify.Notification;
import io.tickflow.common.contract.notify.PriceAlertTriggered;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.notify.delivery.Delivery;
import io.tickflow.notify.delivery.DeliveryIds;
import io.tickflow.notify.delivery.DeliveryRecord;
import io.tickflow.notify.subscription.Channel;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The delivery log in the embedded stack's DynamoDB: what its items hold once deliveries are claimed and recorded. */
class DynamoDbDeliveryLogTest {

    private static final LocalAwsClients AWS = LocalAwsExtension.sharedClients();
    private static final String TABLE = Topology.tickflow().table("deliveries");
    private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    private final UUID eventId = UUID.randomUUID();
    private final DynamoDbDeliveryLog log = new DynamoDbDeliveryLog(
            AWS.dynamoDb(), TABLE, Duration.ofMinutes(2), Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void recordsMoreDeliveriesThanOneBatchHoldsWithTheirStatusAttemptsErrorAndLatency() {
        List<Delivery> deliveries = IntStream.range(0, 60)
                .mapToObj(i -> delivery("sub-" + UUID.randomUUID()))
                .toList();
        assertThat(log.claimAll(deliveries)).hasSize(60);
        List<DeliveryRecord> records = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            records.add(
                    i % 3 == 0
                            ? new DeliveryRecord.Failed(deliveries.get(i), 5, "503 Service Unavailable", true)
                            : new DeliveryRecord.Delivered(deliveries.get(i), 2, Duration.ofMillis(40 + i)));
        }

        log.recordAll(records);

        for (int i = 0; i < deliveries.size(); i++) {
            Map<String, AttributeValue> item = item(deliveries.get(i));
            assertThat(item.get("expiresAt").n())
                    .as("the claim's time to live is kept")
                    .isEqualTo(Long.toString(NOW.plus(Duration.ofDays(30)).getEpochSecond()));
            assertThat(item.get("subscriptionId").s())
                    .isEqualTo(deliveries.get(i).subscriptionId());
            if (i % 3 == 0) {
                assertThat(item.get("status").s()).isEqualTo("FAILED");
                assertThat(item.get("attempts").n()).isEqualTo("5");
                assertThat(item.get("lastError").s()).isEqualTo("503 Service Unavailable");
                assertThat(item.get("deadLettered").bool()).isTrue();
            } else {
                assertThat(item.get("status").s()).isEqualTo("DELIVERED");
                assertThat(item.get("attempts").n()).isEqualTo("2");
                assertThat(item.get("latencyMs").n()).isEqualTo(Integer.toString(40 + i));
                assertThat(item).doesNotContainKey("lastError");
            }
        }
    }

    @Test
    void aReplayedDeliveryThatArrivesDropsTheErrorOfItsFailure() {
        Delivery delivery = delivery("sub-" + UUID.randomUUID());
        assertThat(log.claim(delivery)).isTrue();
        log.recordAll(List.of(new DeliveryRecord.Failed(delivery, 1, "400 Bad Request", true)));
        assertThat(log.claimAll(List.of(delivery)))
                .as("a failed delivery is claimable again")
                .hasSize(1);

        log.recordAll(List.of(new DeliveryRecord.Delivered(delivery, 1, Duration.ofMillis(12))));

        Map<String, AttributeValue> item = item(delivery);
        assertThat(item.get("status").s()).isEqualTo("DELIVERED");
        assertThat(item).doesNotContainKey("lastError");
        assertThat(log.claim(delivery))
                .as("a delivered delivery is not made again")
                .isFalse();
    }

    @Test
    void doesNotRecordADeliveryThatWasNeverClaimedAndSaysWhich() {
        Delivery claimed = delivery("sub-" + UUID.randomUUID());
        Delivery unclaimed = delivery("sub-" + UUID.randomUUID());
        assertThat(log.claim(claimed)).isTrue();

        assertThatThrownBy(() -> log.recordAll(List.of(
                        new DeliveryRecord.Delivered(claimed, 1, Duration.ofMillis(5)),
                        new DeliveryRecord.Delivered(unclaimed, 1, Duration.ofMillis(5)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 of 2")
                .hasMessageContaining(unclaimed.deliveryId());

        assertThat(item(claimed).get("status").s()).isEqualTo("DELIVERED");
        assertThat(AWS.dynamoDb()
                        .getItem(r -> r.tableName(TABLE).key(key(unclaimed)).consistentRead(true))
                        .hasItem())
                .isFalse();
    }

    private Map<String, AttributeValue> item(Delivery delivery) {
        return AWS.dynamoDb()
                .getItem(r -> r.tableName(TABLE).key(key(delivery)).consistentRead(true))
                .item();
    }

    private static Map<String, AttributeValue> key(Delivery delivery) {
        return Map.of("deliveryId", AttributeValue.fromS(delivery.deliveryId()));
    }

    private Delivery delivery(String subscriptionId) {
        UUID id = DeliveryIds.of(subscriptionId, eventId);
        PriceAlertTriggered event = new PriceAlertTriggered(
                eventId,
                NOW,
                "rule-5a1b",
                "alice",
                "bitstamp",
                "BTC-USD",
                "crosses-above 30000",
                new BigDecimal("30000.01"),
                NOW);
        return new Delivery(
                id.toString(),
                "alice",
                subscriptionId,
                new Channel.Webhook(URI.create("https://hooks.example/tickflow")),
                Notification.of(id, NOW, subscriptionId, event));
    }
}
