package io.tickflow.notify.adapter.out.dynamodb;

import io.tickflow.notify.delivery.Delivery;
import io.tickflow.notify.delivery.DeliveryLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The delivery log in the {@code deliveries} table: one item per delivery id (subscription × event), with its
 * status, attempts, last error and latency, found per subscription through the {@code by-subscription} index and
 * expiring through {@code expiresAt}. A claim is a conditional write, so two workers handling the same event make one
 * delivery; a claim older than the lease is taken over (its worker died).
 */
public final class DynamoDbDeliveryLog implements DeliveryLog {

    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String DELIVERED = "DELIVERED";
    private static final String FAILED = "FAILED";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration lease;
    private final Duration ttl;
    private final Clock clock;

    public DynamoDbDeliveryLog(DynamoDbClient dynamoDb, String table, Duration lease, Duration ttl, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.lease = lease;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public boolean claim(Delivery delivery) {
        Instant now = clock.instant();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":inProgress", AttributeValue.fromS(IN_PROGRESS),
                ":failed", AttributeValue.fromS(FAILED),
                ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                ":staleBefore",
                        AttributeValue.fromN(Long.toString(now.minus(lease).toEpochMilli())),
                ":subscription", AttributeValue.fromS(delivery.subscriptionId()),
                ":owner", AttributeValue.fromS(delivery.owner()),
                ":createdAt", AttributeValue.fromS(now.toString()),
                ":eventType", AttributeValue.fromS(delivery.notification().eventType()),
                ":endpoint", AttributeValue.fromS(delivery.channel().endpoint()),
                ":expiresAt", AttributeValue.fromN(Long.toString(now.plus(ttl).getEpochSecond()))));
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(delivery))
                    .updateExpression("SET #status = :inProgress, claimedAt = :now, subscriptionId = :subscription,"
                            + " #owner = :owner, createdAt = if_not_exists(createdAt, :createdAt),"
                            + " eventType = :eventType, endpoint = :endpoint, expiresAt = :expiresAt")
                    .conditionExpression("attribute_not_exists(deliveryId) OR #status = :failed"
                            + " OR (#status = :inProgress AND claimedAt < :staleBefore)")
                    .expressionAttributeNames(Map.of("#status", "status", "#owner", "owner"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException deliveredOrBusy) {
            return false;
        }
    }

    @Override
    public void delivered(Delivery delivery, int attempts, Duration latency) {
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(key(delivery))
                .updateExpression("SET #status = :delivered, attempts = :attempts, latencyMs = :latency,"
                        + " deliveredAt = :now REMOVE lastError")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(
                        ":delivered", AttributeValue.fromS(DELIVERED),
                        ":attempts", AttributeValue.fromN(Integer.toString(attempts)),
                        ":latency", AttributeValue.fromN(Long.toString(latency.toMillis())),
                        ":now", AttributeValue.fromS(clock.instant().toString()))));
    }

    @Override
    public void failed(Delivery delivery, int attempts, String lastError, boolean deadLettered) {
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(key(delivery))
                .updateExpression("SET #status = :failed, attempts = :attempts, lastError = :error,"
                        + " deadLettered = :dead, failedAt = :now")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(
                        ":failed", AttributeValue.fromS(FAILED),
                        ":attempts", AttributeValue.fromN(Integer.toString(attempts)),
                        ":error", AttributeValue.fromS(lastError.isEmpty() ? "(no message)" : lastError),
                        ":dead", AttributeValue.fromBool(deadLettered),
                        ":now", AttributeValue.fromS(clock.instant().toString()))));
    }

    private static Map<String, AttributeValue> key(Delivery delivery) {
        return Map.of("deliveryId", AttributeValue.fromS(delivery.deliveryId()));
    }
}
