package io.tickflow.storage.adapter.out.dynamodb;

import io.tickflow.common.aws.dynamodb.BatchedTable;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The lake-commits table: key {@code partition} (the partition's prefix) and {@code eventId}, attribute {@code object}
 * (the key of the lake object holding the event's ticks of that partition), expiring through {@code expiresAt} once
 * no redelivery can bring the event back. One item per event and partition: a read and a write per 500 ticks, not per
 * tick, in BatchGetItem and BatchWriteItem calls ({@link BatchedTable}). Beside the events, one item per partition,
 * sort key {@value #LEASE}, is the partition's compaction lease.
 */
public final class DynamoDbLakeCommits implements LakeCommits {

    /** The sort key of a partition's compaction lease, beside its event ids. */
    private static final String LEASE = "~compaction";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final BatchedTable batched;
    private final Duration ttl;
    private final Clock clock;

    /** @param ttl how long a commit is remembered: at least the storage-ticks queue's retention */
    public DynamoDbLakeCommits(DynamoDbClient dynamoDb, String table, Duration ttl, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.batched = new BatchedTable(dynamoDb, table);
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Map<UUID, String> committed(LakePartition partition, Collection<UUID> eventIds) {
        Map<UUID, String> found = new HashMap<>();
        batched.get(eventIds.stream().map(id -> key(partition, id.toString())).toList(), null)
                .forEach(item -> found.put(
                        UUID.fromString(item.get("eventId").s()),
                        item.get("object").s()));
        return found;
    }

    @Override
    public void record(LakePartition partition, Collection<UUID> eventIds, String objectKey) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (UUID id : eventIds) {
            items.add(commit(key(partition, id.toString()), objectKey));
        }
        batched.put(items);
    }

    @Override
    public void reassign(LakePartition partition, Collection<String> objectKeys, String target) {
        List<Map<String, AttributeValue>> moved = new ArrayList<>();
        dynamoDb.queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("#p = :p")
                        .expressionAttributeNames(Map.of("#p", "partition"))
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition.prefix())))
                        .consistentRead(true))
                .items()
                .forEach(item -> {
                    AttributeValue object = item.get("object");
                    if (object != null && objectKeys.contains(object.s())) {
                        moved.add(commit(
                                Map.of("partition", item.get("partition"), "eventId", item.get("eventId")), target));
                    }
                });
        batched.put(moved);
    }

    @Override
    public boolean lease(LakePartition partition, Duration duration) {
        long now = clock.instant().getEpochSecond();
        AttributeValue until = AttributeValue.fromN(Long.toString(now + duration.toSeconds()));
        Map<String, AttributeValue> item = new HashMap<>(key(partition, LEASE));
        item.put("leaseUntil", until);
        item.put("expiresAt", until);
        try {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(item)
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

    private Map<String, AttributeValue> commit(Map<String, AttributeValue> key, String objectKey) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("object", AttributeValue.fromS(objectKey));
        item.put(
                "expiresAt",
                AttributeValue.fromN(Long.toString(clock.instant().plus(ttl).getEpochSecond())));
        return item;
    }

    private static Map<String, AttributeValue> key(LakePartition partition, String sortKey) {
        return Map.of("partition", AttributeValue.fromS(partition.prefix()), "eventId", AttributeValue.fromS(sortKey));
    }
}
