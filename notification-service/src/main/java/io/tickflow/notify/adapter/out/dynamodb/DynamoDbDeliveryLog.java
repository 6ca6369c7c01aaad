package io.tickflow.notify.adapter.out.dynamodb;

import io.tickflow.notify.delivery.Delivery;
import io.tickflow.notify.delivery.DeliveryLog;
import io.tickflow.notify.delivery.DeliveryRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The delivery log in the {@code deliveries} table, one item per <em>fan-out shard</em>: an event's deliveries are
 * spread over {@value #SHARDS} items by their delivery id ({@link #fanOutId}), and each item holds, in its {@code
 * deliveries} map, an entry per delivery (subscription, owner, endpoint, status, when it was claimed, and how it ended:
 * attempts, latency or last error, dead-lettered). Items expire through {@code expiresAt}.
 *
 * <p>Why shards and not an item per delivery: a fan-out to a thousand subscriptions then claims its deliveries with
 * {@value #SHARDS} conditional writes instead of a thousand, and records how they ended with as few again. A store
 * whose cost is per item written (DynamoDB bills write units per item and kilobyte; DynamoDB Local spends about a
 * millisecond of its single SQLite thread per item) pays for thirty-two items instead of two thousand.
 *
 * <p>A claim is atomic per shard: the first claim of a shard creates its item, conditional on it not existing; later
 * ones (a redelivered event, a replay, a second worker) read the item and write the entries they may take, conditional
 * on the item's {@code version} being the one read, and try again when another writer came first. Every write bumps the
 * version, so a claim never overwrites what it did not see. The shard of a delivery depends only on its id, so a
 * redelivered event finds its deliveries in the same items however the set of subscriptions changed meanwhile.
 *
 * <p>Limit: an item holds at most 400 KB, about 1,500 entries, so one event fans out to at most about 45,000
 * subscriptions; more fail their claim with DynamoDB's item-size error and the event is dead-lettered with it.
 */
public final class DynamoDbDeliveryLog implements DeliveryLog {

    /** Items an event's deliveries are spread over. Changing it moves deliveries of events in flight to other items. */
    static final int SHARDS = 32;

    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String DELIVERED = "DELIVERED";
    private static final String FAILED = "FAILED";

    /** Entries written by one request: keeps its expressions well inside DynamoDB's 4 KB per expression. */
    private static final int ENTRIES_PER_WRITE = 40;

    /** How often a claim is tried again after another writer changed the shard first. */
    private static final int MAX_CLAIM_ROUNDS = 8;

    /** A last error is kept to this many characters, so that an entry stays small. */
    private static final int MAX_ERROR_LENGTH = 500;

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

    /**
     * The key of the item that holds a delivery: the event's id and the delivery's shard, e.g. {@code
     * 3f2c…-…/17}. It depends on nothing but the event and the delivery id, so a redelivery finds the same item.
     */
    public static String fanOutId(UUID eventId, String deliveryId) {
        return eventId + "/" + Math.floorMod(deliveryId.hashCode(), SHARDS);
    }

    private static String fanOutId(Delivery delivery) {
        return fanOutId(delivery.eventId(), delivery.deliveryId());
    }

    /** The deliveries of one shard together: each group is claimed, and later recorded, in one request. */
    @Override
    public List<List<Delivery>> claimGroups(List<Delivery> deliveries) {
        Map<String, List<Delivery>> byShard = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            byShard.computeIfAbsent(fanOutId(delivery), id -> new ArrayList<>()).add(delivery);
        }
        List<List<Delivery>> groups = new ArrayList<>();
        for (List<Delivery> shard : byShard.values()) {
            for (int from = 0; from < shard.size(); from += ENTRIES_PER_WRITE) {
                groups.add(List.copyOf(shard.subList(from, Math.min(shard.size(), from + ENTRIES_PER_WRITE))));
            }
        }
        return groups;
    }

    @Override
    public boolean claim(Delivery delivery) {
        return !claimAll(List.of(delivery)).isEmpty();
    }

    @Override
    public Set<String> claimAll(List<Delivery> deliveries) {
        Set<String> claimed = new LinkedHashSet<>();
        for (List<Delivery> group : claimGroups(unique(deliveries))) {
            claimed.addAll(claimShard(fanOutId(group.getFirst()), group));
        }
        return claimed;
    }

    private static List<Delivery> unique(List<Delivery> deliveries) {
        Map<String, Delivery> unique = new LinkedHashMap<>();
        deliveries.forEach(delivery -> unique.putIfAbsent(delivery.deliveryId(), delivery));
        return new ArrayList<>(unique.values());
    }

    /** Claims what it may of {@code group}, all of one shard; returns the ids it claimed. */
    private Set<String> claimShard(String fanOutId, List<Delivery> group) {
        Instant now = clock.instant();
        @Nullable Map<String, AttributeValue> current = createShard(fanOutId, group, now);
        if (current == null) {
            return ids(group);
        }
        for (int round = 0; round < MAX_CLAIM_ROUNDS; round++) {
            now = clock.instant();
            if (current.isEmpty()) {
                // The item expired or was removed between our reads: create it again.
                current = createShard(fanOutId, group, now);
                if (current == null) {
                    return ids(group);
                }
                continue;
            }
            List<Delivery> claimable = claimable(group, current, now);
            if (claimable.isEmpty()) {
                return Set.of();
            }
            current = claimEntries(fanOutId, claimable, current, now);
            if (current == null) {
                return ids(claimable);
            }
        }
        throw new IllegalStateException("Could not claim deliveries of " + fanOutId + " in " + MAX_CLAIM_ROUNDS
                + " rounds: other writers kept changing it first");
    }

    /**
     * Creates the shard's item with every delivery of {@code group} claimed. Returns null when it did, else the item
     * that exists (empty if it vanished again).
     */
    private @Nullable Map<String, AttributeValue> createShard(String fanOutId, List<Delivery> group, Instant now) {
        Map<String, AttributeValue> entries = new HashMap<>();
        group.forEach(delivery -> entries.put(delivery.deliveryId(), claimEntry(delivery, now)));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("fanOutId", AttributeValue.fromS(fanOutId));
        item.put("eventId", AttributeValue.fromS(group.getFirst().eventId().toString()));
        item.put(
                "eventType",
                AttributeValue.fromS(group.getFirst().notification().eventType()));
        item.put("createdAt", AttributeValue.fromS(now.toString()));
        item.put("expiresAt", expiresAt(now));
        item.put("version", AttributeValue.fromN("1"));
        item.put("deliveries", AttributeValue.fromM(entries));
        try {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(fanOutId)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return null;
        } catch (ConditionalCheckFailedException exists) {
            return currentOr(exists, fanOutId);
        }
    }

    /**
     * Writes claims for {@code claimable} into the shard, conditional on its version being the one in {@code seen}.
     * Returns null when it did, else the item as it is now.
     */
    private @Nullable Map<String, AttributeValue> claimEntries(
            String fanOutId, List<Delivery> claimable, Map<String, AttributeValue> seen, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of("#d", "deliveries"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":seen", seen.get("version"),
                ":one", AttributeValue.fromN("1"),
                ":expiresAt", expiresAt(now)));
        StringBuilder set = new StringBuilder("SET version = version + :one, expiresAt = :expiresAt");
        for (int i = 0; i < claimable.size(); i++) {
            names.put("#k" + i, claimable.get(i).deliveryId());
            values.put(":e" + i, claimEntry(claimable.get(i), now));
            set.append(", #d.#k").append(i).append(" = :e").append(i);
        }
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(fanOutId))
                    .updateExpression(set.toString())
                    .conditionExpression("version = :seen")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return null;
        } catch (ConditionalCheckFailedException changed) {
            return currentOr(changed, fanOutId);
        }
    }

    /** The item a failed condition saw, or, where the store does not return it, the item read again. */
    private Map<String, AttributeValue> currentOr(ConditionalCheckFailedException failed, String fanOutId) {
        if (failed.hasItem() && !failed.item().isEmpty()) {
            return failed.item();
        }
        return dynamoDb.getItem(r -> r.tableName(table).key(key(fanOutId)).consistentRead(true))
                .item();
    }

    /**
     * The deliveries of {@code group} that may be claimed: never claimed, failed (a replay), or claimed longer ago
     * than the lease by a worker that did not finish (it crashed).
     */
    private List<Delivery> claimable(List<Delivery> group, Map<String, AttributeValue> item, Instant now) {
        AttributeValue deliveries = item.get("deliveries");
        Map<String, AttributeValue> entries = deliveries == null || !deliveries.hasM() ? Map.of() : deliveries.m();
        long staleBefore = now.minus(lease).toEpochMilli();
        List<Delivery> claimable = new ArrayList<>();
        for (Delivery delivery : group) {
            AttributeValue entry = entries.get(delivery.deliveryId());
            if (entry == null || !entry.hasM()) {
                claimable.add(delivery);
                continue;
            }
            String status = entry.m().get("status").s();
            long claimedAt = Long.parseLong(entry.m().get("claimedAt").n());
            if (FAILED.equals(status) || (IN_PROGRESS.equals(status) && claimedAt < staleBefore)) {
                claimable.add(delivery);
            }
        }
        return claimable;
    }

    private static AttributeValue claimEntry(Delivery delivery, Instant now) {
        return AttributeValue.fromM(Map.of(
                "subscriptionId", AttributeValue.fromS(delivery.subscriptionId()),
                "owner", AttributeValue.fromS(delivery.owner()),
                "endpoint", AttributeValue.fromS(delivery.channel().endpoint()),
                "status", AttributeValue.fromS(IN_PROGRESS),
                "claimedAt", AttributeValue.fromN(Long.toString(now.toEpochMilli()))));
    }

    @Override
    public void delivered(Delivery delivery, int attempts, Duration latency) {
        recordAll(List.of(new DeliveryRecord.Delivered(delivery, attempts, latency)));
    }

    @Override
    public void failed(Delivery delivery, int attempts, String lastError, boolean deadLettered) {
        recordAll(List.of(new DeliveryRecord.Failed(delivery, attempts, lastError, deadLettered)));
    }

    /**
     * Writes the records of each shard in one UpdateItem (up to {@value #ENTRIES_PER_WRITE} a request): each entry's
     * status and its {@code outcome} (attempts, latency or last error, dead-lettered, when it ended), conditional on
     * every entry having been claimed. When that condition fails, the shard's records are written one by one, so that
     * those with a claim are kept and the others named.
     *
     * @throws IllegalStateException naming the records that could not be written
     */
    @Override
    public void recordAll(List<DeliveryRecord> records) {
        Map<String, List<DeliveryRecord>> byShard = new LinkedHashMap<>();
        for (DeliveryRecord record : records) {
            byShard.computeIfAbsent(fanOutId(record.delivery()), id -> new ArrayList<>())
                    .add(record);
        }
        List<String> unwritten = new ArrayList<>();
        byShard.forEach((fanOutId, shard) -> {
            for (int from = 0; from < shard.size(); from += ENTRIES_PER_WRITE) {
                List<DeliveryRecord> batch = shard.subList(from, Math.min(shard.size(), from + ENTRIES_PER_WRITE));
                if (!write(fanOutId, batch)) {
                    for (DeliveryRecord alone : batch) {
                        if (!write(fanOutId, List.of(alone))) {
                            unwritten.add(alone.delivery().deliveryId() + ": it was never claimed");
                        }
                    }
                }
            }
        });
        if (!unwritten.isEmpty()) {
            throw new IllegalStateException(
                    unwritten.size() + " of " + records.size() + " delivery records were not written: "
                            + String.join("; ", unwritten.subList(0, Math.min(5, unwritten.size()))));
        }
    }

    /** Writes records of one shard; false if one of them has no claim there, in which case none is written. */
    private boolean write(String fanOutId, List<DeliveryRecord> batch) {
        String now = clock.instant().toString();
        Map<String, String> names = new HashMap<>(Map.of("#d", "deliveries", "#s", "status", "#o", "outcome"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", AttributeValue.fromN("1")));
        StringBuilder set = new StringBuilder("SET version = version + :one");
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            DeliveryRecord record = batch.get(i);
            names.put("#k" + i, record.delivery().deliveryId());
            values.put(":s" + i, AttributeValue.fromS(record instanceof DeliveryRecord.Delivered ? DELIVERED : FAILED));
            values.put(":o" + i, outcome(record, now));
            set.append(", #d.#k").append(i).append(".#s = :s").append(i);
            set.append(", #d.#k").append(i).append(".#o = :o").append(i);
            conditions.add("attribute_exists(#d.#k" + i + ")");
        }
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(fanOutId))
                    .updateExpression(set.toString())
                    .conditionExpression(String.join(" AND ", conditions))
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException unclaimed) {
            return false;
        }
    }

    private static AttributeValue outcome(DeliveryRecord record, String now) {
        return switch (record) {
            case DeliveryRecord.Delivered d ->
                AttributeValue.fromM(Map.of(
                        "attempts", AttributeValue.fromN(Integer.toString(d.attempts())),
                        "latencyMs",
                                AttributeValue.fromN(Long.toString(d.latency().toMillis())),
                        "deliveredAt", AttributeValue.fromS(now)));
            case DeliveryRecord.Failed f -> {
                String error = f.lastError().isEmpty() ? "(no message)" : f.lastError();
                yield AttributeValue.fromM(Map.of(
                        "attempts", AttributeValue.fromN(Integer.toString(f.attempts())),
                        "lastError",
                                AttributeValue.fromS(
                                        error.length() > MAX_ERROR_LENGTH
                                                ? error.substring(0, MAX_ERROR_LENGTH) + "…"
                                                : error),
                        "deadLettered", AttributeValue.fromBool(f.deadLettered()),
                        "failedAt", AttributeValue.fromS(now)));
            }
        };
    }

    private AttributeValue expiresAt(Instant now) {
        return AttributeValue.fromN(Long.toString(now.plus(ttl).getEpochSecond()));
    }

    private static Set<String> ids(List<Delivery> deliveries) {
        Set<String> ids = new LinkedHashSet<>();
        deliveries.forEach(delivery -> ids.add(delivery.deliveryId()));
        return ids;
    }

    private static Map<String, AttributeValue> key(String fanOutId) {
        return Map.of("fanOutId", AttributeValue.fromS(fanOutId));
    }
}
