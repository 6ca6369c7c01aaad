package io.tickflow.notify.adapter.out.dynamodb;

import io.tickflow.notify.delivery.Delivery;
import io.tickflow.notify.delivery.DeliveryLog;
import io.tickflow.notify.delivery.DeliveryRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementError;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The delivery log in the {@code deliveries} table: one item per delivery id (subscription × event), with its
 * status, attempts, last error and latency, found per subscription through the {@code by-subscription} index and
 * expiring through {@code expiresAt}. A claim is a conditional write, so two workers handling the same event make one
 * delivery; a claim older than the lease is taken over (its worker died). Claims go in transactions of a hundred,
 * records of how deliveries ended in batches of twenty-five statements.
 */
public final class DynamoDbDeliveryLog implements DeliveryLog {

    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String DELIVERED = "DELIVERED";
    private static final String FAILED = "FAILED";

    /** DynamoDB's limit of items in one transaction. */
    private static final int MAX_TRANSACTION_ITEMS = 100;

    /** How often a transaction of claims is tried again without the claims that failed. */
    private static final int MAX_TRANSACTION_ROUNDS = 5;

    /** DynamoDB's limit of statements in one BatchExecuteStatement. */
    private static final int MAX_BATCH_STATEMENTS = 25;

    /** How often a record whose statement failed for a passing reason is written, at most. */
    private static final int MAX_WRITE_ROUNDS = 4;

    /** Statement errors that another try may not meet. */
    private static final Set<BatchStatementErrorCodeEnum> PASSING = Set.of(
            BatchStatementErrorCodeEnum.THROTTLING_ERROR,
            BatchStatementErrorCodeEnum.PROVISIONED_THROUGHPUT_EXCEEDED,
            BatchStatementErrorCodeEnum.REQUEST_LIMIT_EXCEEDED,
            BatchStatementErrorCodeEnum.TRANSACTION_CONFLICT,
            BatchStatementErrorCodeEnum.INTERNAL_SERVER_ERROR);

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
        Update claim = claimOf(delivery, clock.instant());
        try {
            dynamoDb.updateItem(r -> r.tableName(claim.tableName())
                    .key(claim.key())
                    .updateExpression(claim.updateExpression())
                    .conditionExpression(claim.conditionExpression())
                    .expressionAttributeNames(claim.expressionAttributeNames())
                    .expressionAttributeValues(claim.expressionAttributeValues()));
            return true;
        } catch (ConditionalCheckFailedException deliveredOrBusy) {
            return false;
        }
    }

    /**
     * Claims in transactions of up to {@value #MAX_TRANSACTION_ITEMS}: one request per hundred deliveries instead of
     * one each. A transaction is all or nothing, so when some claims' conditions fail (already delivered, or being
     * delivered by another worker) the transaction is tried again without them; its cancellation reasons say which.
     */
    @Override
    public Set<String> claimAll(List<Delivery> deliveries) {
        Map<String, Delivery> unique = new LinkedHashMap<>();
        deliveries.forEach(delivery -> unique.putIfAbsent(delivery.deliveryId(), delivery));
        List<Delivery> all = new ArrayList<>(unique.values());
        Set<String> claimed = new HashSet<>();
        for (int from = 0; from < all.size(); from += MAX_TRANSACTION_ITEMS) {
            claimed.addAll(claimTogether(all.subList(from, Math.min(all.size(), from + MAX_TRANSACTION_ITEMS))));
        }
        return claimed;
    }

    private Set<String> claimTogether(List<Delivery> chunk) {
        List<Delivery> pending = new ArrayList<>(chunk);
        for (int round = 0; round < MAX_TRANSACTION_ROUNDS && !pending.isEmpty(); round++) {
            Instant now = clock.instant();
            List<TransactWriteItem> items = pending.stream()
                    .map(delivery -> TransactWriteItem.builder()
                            .update(claimOf(delivery, now))
                            .build())
                    .toList();
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(items));
                Set<String> claimed = new HashSet<>();
                pending.forEach(delivery -> claimed.add(delivery.deliveryId()));
                return claimed;
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.cancellationReasons();
                if (reasons == null || reasons.size() != pending.size()) {
                    break;
                }
                List<Delivery> next = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    if (!"ConditionalCheckFailed".equals(reasons.get(i).code())) {
                        next.add(pending.get(i));
                    }
                }
                pending = next;
            }
        }
        // Conflicting transactions, or a store that gives no reasons: claim the rest one by one.
        Set<String> claimed = new HashSet<>();
        for (Delivery delivery : pending) {
            if (claim(delivery)) {
                claimed.add(delivery.deliveryId());
            }
        }
        return claimed;
    }

    private Update claimOf(Delivery delivery, Instant now) {
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
        return Update.builder()
                .tableName(table)
                .key(key(delivery))
                .updateExpression("SET #status = :inProgress, claimedAt = :now, subscriptionId = :subscription,"
                        + " #owner = :owner, createdAt = if_not_exists(createdAt, :createdAt),"
                        + " eventType = :eventType, endpoint = :endpoint, expiresAt = :expiresAt")
                .conditionExpression("attribute_not_exists(deliveryId) OR #status = :failed"
                        + " OR (#status = :inProgress AND claimedAt < :staleBefore)")
                .expressionAttributeNames(Map.of("#status", "status", "#owner", "owner"))
                .expressionAttributeValues(values)
                .build();
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

    /**
     * Writes the records {@value #MAX_BATCH_STATEMENTS} to a BatchExecuteStatement request: each an UPDATE of the
     * delivery's item, changing what {@link #delivered} or {@link #failed} would and costing what their UpdateItem
     * costs, in one request instead of one each. Each statement succeeds or fails alone; those that fail for a
     * passing reason (throttling, a conflicting transaction) are tried again, a few times, after a growing pause.
     *
     * <p>An UPDATE statement changes an existing item only: a record whose claim is missing fails instead of writing
     * an item without one.
     *
     * @throws IllegalStateException naming the records that could not be written
     */
    @Override
    public void recordAll(List<DeliveryRecord> records) {
        List<String> unwritten = new ArrayList<>();
        for (int from = 0; from < records.size(); from += MAX_BATCH_STATEMENTS) {
            unwritten.addAll(write(records.subList(from, Math.min(records.size(), from + MAX_BATCH_STATEMENTS))));
        }
        if (!unwritten.isEmpty()) {
            throw new IllegalStateException(
                    unwritten.size() + " of " + records.size() + " delivery records were not written: "
                            + String.join("; ", unwritten.subList(0, Math.min(5, unwritten.size()))));
        }
    }

    /** Writes one batch; returns what could not be written and why. */
    private List<String> write(List<DeliveryRecord> batch) {
        List<DeliveryRecord> pending = batch;
        List<String> unwritten = new ArrayList<>();
        for (int round = 1; !pending.isEmpty(); round++) {
            String now = clock.instant().toString();
            List<BatchStatementRequest> statements =
                    pending.stream().map(record -> statement(record, now)).toList();
            List<BatchStatementResponse> responses = dynamoDb.batchExecuteStatement(r -> r.statements(statements))
                    .responses();
            List<DeliveryRecord> again = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                BatchStatementError error =
                        i < responses.size() ? responses.get(i).error() : null;
                if (error == null && i < responses.size()) {
                    continue;
                }
                String id = pending.get(i).delivery().deliveryId();
                if (error != null && PASSING.contains(error.code()) && round < MAX_WRITE_ROUNDS) {
                    again.add(pending.get(i));
                } else {
                    unwritten.add(
                            id + ": " + (error == null ? "no response" : error.codeAsString() + " " + error.message()));
                }
            }
            pending = again;
            if (!pending.isEmpty()) {
                pause(Duration.ofMillis(50L << round));
            }
        }
        return unwritten;
    }

    /** Gives a throttled table a moment before its statements are tried again. */
    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing delivery records", e);
        }
    }

    private BatchStatementRequest statement(DeliveryRecord record, String now) {
        AttributeValue id = AttributeValue.fromS(record.delivery().deliveryId());
        return switch (record) {
            case DeliveryRecord.Delivered d ->
                BatchStatementRequest.builder()
                        .statement("UPDATE \"" + table + "\" SET \"status\" = ? SET attempts = ? SET latencyMs = ?"
                                + " SET deliveredAt = ? REMOVE lastError WHERE deliveryId = ?")
                        .parameters(
                                AttributeValue.fromS(DELIVERED),
                                AttributeValue.fromN(Integer.toString(d.attempts())),
                                AttributeValue.fromN(Long.toString(d.latency().toMillis())),
                                AttributeValue.fromS(now),
                                id)
                        .build();
            case DeliveryRecord.Failed f ->
                BatchStatementRequest.builder()
                        .statement("UPDATE \"" + table + "\" SET \"status\" = ? SET attempts = ? SET lastError = ?"
                                + " SET deadLettered = ? SET failedAt = ? WHERE deliveryId = ?")
                        .parameters(
                                AttributeValue.fromS(FAILED),
                                AttributeValue.fromN(Integer.toString(f.attempts())),
                                AttributeValue.fromS(f.lastError().isEmpty() ? "(no message)" : f.lastError()),
                                AttributeValue.fromBool(f.deadLettered()),
                                AttributeValue.fromS(now),
                                id)
                        .build();
        };
    }

    private static Map<String, AttributeValue> key(Delivery delivery) {
        return Map.of("deliveryId", AttributeValue.fromS(delivery.deliveryId()));
    }
}
