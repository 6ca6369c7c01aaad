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
        for (int from = 0; from < ids.size(); from += 25) {
            List<WriteRequest> writes = new ArrayList<>();
            for (UUID id : ids.subList(from, Math.min(ids.size(), from + 25))) {
                Map<String, AttributeValue> item = new HashMap<>(key(partition, id));
                item.put("object", AttributeValue.fromS(objectKey));
                item.put("expiresAt", AttributeValue.fromN(expiresAt));
                writes.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build())
                        .build());
            }
            Map<String, List<WriteRequest>> request = Map.of(table, writes);
            while (!request.isEmpty()) {
                Map<String, List<WriteRequest>> next = request;
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(next));
                request = response.unprocessedItems();
            }
        }
    }

    private static Map<String, AttributeValue> key(LakePartition partition, UUID eventId) {
        return Map.of(
                "partition", AttributeValue.fromS(partition.prefix()),
                "eventId", AttributeValue.fromS(eventId.toString()));
    }
}
