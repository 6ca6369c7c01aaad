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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The delivery log in the embedded stack's DynamoDB: what its shard items hold once deliveries are claimed and recorded,
 * and that each delivery is claimed once however the claims race.
 */
class DynamoDbDeliveryLogTest {

    private static final LocalAwsClients AWS = LocalAwsExtension.sharedClients();
    private static final String TABLE = Topology.tickflow().table("deliveries");
    private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    private final UUID eventId = UUID.randomUUID();
    private final DynamoDbDeliveryLog log = new DynamoDbDeliveryLog(
            AWS.dynamoDb(), TABLE, Duration.ofMinutes(2), Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void recordsMoreDeliveriesThanOneShardHoldsWithTheirStatusAttemptsErrorAndLatency() {
        List<Delivery> deliveries = IntStream.range(0, 300)
                .mapToObj(i -> delivery("sub-" + UUID.randomUUID()))
                .toList();
        assertThat(log.claimAll(deliveries)).hasSize(300);
        List<DeliveryRecord> records = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            records.add(
                    i % 3 == 0
                            ? new DeliveryRecord.Failed(deliveries.get(i), 5, "503 Service Unavailable", true)
                            : new DeliveryRecord.Delivered(deliveries.get(i), 2, Duration.ofMillis(40 + i)));
        }

        log.recordAll(records);

        for (int i = 0; i < deliveries.size(); i++) {
            Map<String, AttributeValue> entry = entry(deliveries.get(i));
            assertThat(entry.get("subscriptionId").s())
                    .isEqualTo(deliveries.get(i).subscriptionId());
            assertThat(entry.get("claimedAt").n()).isEqualTo(Long.toString(NOW.toEpochMilli()));
            Map<String, AttributeValue> outcome = entry.get("outcome").m();
            if (i % 3 == 0) {
                assertThat(entry.get("status").s()).isEqualTo("FAILED");
                assertThat(outcome.get("attempts").n()).isEqualTo("5");
                assertThat(outcome.get("lastError").s()).isEqualTo("503 Service Unavailable");
                assertThat(outcome.get("deadLettered").bool()).isTrue();
            } else {
                assertThat(entry.get("status").s()).isEqualTo("DELIVERED");
                assertThat(outcome.get("attempts").n()).isEqualTo("2");
                assertThat(outcome.get("latencyMs").n()).isEqualTo(Integer.toString(40 + i));
                assertThat(outcome).doesNotContainKey("lastError");
            }
        }
        List<Map<String, AttributeValue>> shards =
                AWS.dynamoDb().scanPaginator(r -> r.tableName(TABLE).consistentRead(true)).items().stream()
                        .filter(item -> item.get("eventId").s().equals(eventId.toString()))
                        .toList();
        assertThat(shards)
                .as("300 deliveries of one event are held by its %d shard items", DynamoDbDeliveryLog.SHARDS)
                .hasSize(DynamoDbDeliveryLog.SHARDS)
                .allSatisfy(item -> assertThat(item.get("expiresAt").n())
                        .as("the claim's time to live")
                        .isEqualTo(Long.toString(NOW.plus(Duration.ofDays(30)).getEpochSecond())));
    }

    @Test
    void claimsEachDeliveryOnceAcrossRedeliveriesThatAddSubscriptions() {
        List<Delivery> first = IntStream.range(0, 80)
                .mapToObj(i -> delivery("sub-" + UUID.randomUUID()))
                .toList();
        assertThat(log.claimAll(first)).hasSize(80);
        List<Delivery> more = IntStream.range(0, 20)
                .mapToObj(i -> delivery("sub-" + UUID.randomUUID()))
                .toList();
        List<Delivery> again = new ArrayList<>(first);
        again.addAll(more);

        assertThat(log.claimAll(again))
                .as("the event again, with subscriptions created meanwhile: only the new ones are claimed")
                .containsExactlyInAnyOrderElementsOf(
                        more.stream().map(Delivery::deliveryId).toList());
        assertThat(log.claimAll(again)).isEmpty();
    }

    @Test
    void twoWorkersClaimingTheSameFanOutAtOnceClaimEachDeliveryOnce() throws Exception {
        List<Delivery> fanOut = IntStream.range(0, 200)
                .mapToObj(i -> delivery("sub-" + UUID.randomUUID()))
                .toList();
        DynamoDbDeliveryLog other = new DynamoDbDeliveryLog(
                AWS.dynamoDb(), TABLE, Duration.ofMinutes(2), Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC));
        try (ExecutorService workers = Executors.newFixedThreadPool(2)) {
            Future<Set<String>> a = workers.submit(() -> log.claimAll(fanOut));
            Future<Set<String>> b = workers.submit(() -> other.claimAll(fanOut.reversed()));
            Set<String> byA = a.get();
            Set<String> byB = b.get();
            assertThat(byA).doesNotContainAnyElementsOf(byB);
            Set<String> all = new HashSet<>(byA);
            all.addAll(byB);
            assertThat(all).hasSize(200);
        }
    }

    @Test
    void takesOverAClaimOlderThanTheLease() {
        Delivery delivery = delivery("sub-" + UUID.randomUUID());
        assertThat(log.claim(delivery)).isTrue();
        DynamoDbDeliveryLog later = new DynamoDbDeliveryLog(
                AWS.dynamoDb(),
                TABLE,
                Duration.ofMinutes(2),
                Duration.ofDays(30),
                Clock.fixed(NOW.plus(Duration.ofMinutes(1)), ZoneOffset.UTC));
        DynamoDbDeliveryLog muchLater = new DynamoDbDeliveryLog(
                AWS.dynamoDb(),
                TABLE,
                Duration.ofMinutes(2),
                Duration.ofDays(30),
                Clock.fixed(NOW.plus(Duration.ofMinutes(3)), ZoneOffset.UTC));

        assertThat(later.claim(delivery))
                .as("another worker's claim, within the lease")
                .isFalse();
        assertThat(muchLater.claim(delivery))
                .as("a claim its worker left past the lease")
                .isTrue();
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

        Map<String, AttributeValue> entry = entry(delivery);
        assertThat(entry.get("status").s()).isEqualTo("DELIVERED");
        assertThat(entry.get("outcome").m()).doesNotContainKey("lastError");
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

        assertThat(entry(claimed).get("status").s()).isEqualTo("DELIVERED");
        assertThat(entryOrNull(unclaimed)).isNull();
    }

    private Map<String, AttributeValue> entry(Delivery delivery) {
        Map<String, AttributeValue> entry = entryOrNull(delivery);
        assertThat(entry).as("the log's entry of %s", delivery.deliveryId()).isNotNull();
        return entry;
    }

    private @Nullable Map<String, AttributeValue> entryOrNull(Delivery delivery) {
        Map<String, AttributeValue> item = AWS.dynamoDb()
                .getItem(r -> r.tableName(TABLE)
                        .key(Map.of(
                                "fanOutId",
                                AttributeValue.fromS(
                                        DynamoDbDeliveryLog.fanOutId(delivery.eventId(), delivery.deliveryId()))))
                        .consistentRead(true))
                .item();
        if (item == null || !item.containsKey("deliveries")) {
            return null;
        }
        AttributeValue entry = item.get("deliveries").m().get(delivery.deliveryId());
        return entry == null ? null : entry.m();
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
                eventId,
                "alice",
                subscriptionId,
                new Channel.Webhook(URI.create("https://hooks.example/tickflow")),
                Notification.of(id, NOW, subscriptionId, event));
    }
}
