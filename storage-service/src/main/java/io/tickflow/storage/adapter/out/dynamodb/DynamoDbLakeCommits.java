package io.tickflow.storage.adapter.out.dynamodb;

import io.tickflow.common.lake.LakePartition;
import io.tickflow.storage.flow.LakeCommits;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The lake-commits table: key {@code partition} (the partition's prefix) and {@code eventId}, attribute {@code object}
 * (the key of the lake object holding the event's ticks of that partition), expiring through {@code expiresAt} once
 * no redelivery can bring the event back. One item per event and partition: a read and a write per 500 ticks, not per
 * tick, in BatchGetItem (100 keys) and BatchWriteItem (25 items) calls.
 */
public final class DynamoDbLakeCommits implements LakeCommits {

    /** The sort key of a partition's compaction lease, beside its event ids. */
    private static final String LEASE = "~compaction";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration ttl;
    private final Clock clock;

    /** @param ttl how long a commit is remembered: at least the storage-ticks queue's retention */
    public DynamoDbLakeCommits(DynamoDbClient dynamoDb, String table, Duration ttl, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Map<UUID, String> committed(LakePartition partition, Collection<UUID> eventIds) {
        Map<UUID, String> found = new HashMap<>();
        List<UUID> ids = List.copyOf(eventIds);
        for (int from = 0; from < ids.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + 100)).stream()
                    .map(id -> key(partition, id))
                    .toList();
            Map<String, KeysAndAttributes> request = Map.of(
                    table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> next = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(next));
                response.responses()
                        .getOrDefault(table, List.of())
                        .forEach(item -> found.put(
                                UUID.fromString(item.get("eventId").s()),
                                item.get("object").s()));
                request = response.unprocessedKeys();
            }
        }
        return found;
    }

    @Override
    public void record(LakePartition partition, Collection<UUID> eventIds, String objectKey) {
        String expiresAt = Long.toString(clock.instant().plus(ttl).getEpochSecond());
        List<UUID> ids = List.copyOf(eventIds);
        List<WriteRequest> writes = new ArrayList<>();
        for (UUID id : ids) {
            Map<String, AttributeValue> item = new HashMap<>(key(partition, id));
            item.put("object", AttributeValue.fromS(objectKey));
            item.put("expiresAt", AttributeValue.fromN(expiresAt));
            writes.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build())
                    .build());
        }
        write(writes);
    }

    /** Writes the requests 25 a call, again for those DynamoDB left unprocessed. */
    private void write(List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += 25) {
            Map<String, List<WriteRequest>> request =
                    Map.of(table, writes.subList(from, Math.min(writes.size(), from + 25)));
            while (!request.isEmpty()) {
                Map<String, List<WriteRequest>> next = request;
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(next));
                request = response.unprocessedItems();
            }
        }
    }

    private static Map<String, AttributeValue> key(LakePartition partition, UUID eventId) {
        return key(partition, eventId.toString());
    }

    private static Map<String, AttributeValue> key(LakePartition partition, String sortKey) {
        return Map.of("partition", AttributeValue.fromS(partition.prefix()), "eventId", AttributeValue.fromS(sortKey));
    }

    @Override
    public void reassign(LakePartition partition, Collection<String> objectKeys, String target) {
        String expiresAt = Long.toString(clock.instant().plus(ttl).getEpochSecond());
        List<WriteRequest> writes = new ArrayList<>();
        dynamoDb.queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("#p = :p")
                        .expressionAttributeNames(Map.of("#p", "partition"))
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition.prefix())))
                        .consistentRead(true))
                .items()
                .forEach(item -> {
                    AttributeValue object = item.get("object");
                    if (object != null && objectKeys.contains(object.s())) {
                        Map<String, AttributeValue> moved = new HashMap<>(item);
                        moved.put("object", AttributeValue.fromS(target));
                        moved.put("expiresAt", AttributeValue.fromN(expiresAt));
                        writes.add(WriteRequest.builder()
                                .putRequest(PutRequest.builder().item(moved).build())
                                .build());
                    }
                });
        write(writes);
    }

    @Override
    public boolean lease(LakePartition partition, Duration duration) {
        long now = clock.instant().getEpochSecond();
        try {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(Map.of(
                            "partition", AttributeValue.fromS(partition.prefix()),
                            "eventId", AttributeValue.fromS(LEASE),
                            "leaseUntil", AttributeValue.fromN(Long.toString(now + duration.toSeconds())),
                            "expiresAt", AttributeValue.fromN(Long.toString(now + duration.toSeconds()))))
                    .conditionExpression("attribute_not_exists(eventId) OR leaseUntil < :now")
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now)))));
            return true;
        } catch (ConditionalCheckFailedException held) {
            return false;
        }
    }

    @Override
    public void release(LakePartition partition) {
        dynamoDb.deleteItem(r -> r.tableName(table).key(key(partition, LEASE)));
    }
}
