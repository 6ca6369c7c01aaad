package io.tickflow.storage.adapter.out.dynamodb;

import io.tickflow.common.contract.Interval;
import io.tickflow.storage.candles.Candle;
import io.tickflow.storage.candles.CandleKey;
import io.tickflow.storage.candles.CandleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetResultPage;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Candles in the candles table. One-minute candles and stated bars are written with optimistic locking on {@code
 * version}: when another worker changed the candle since it was read, the write fails, the candle is read again and
 * the change made again. Longer candles are recomputed from their children and written only over an older
 * computation.
 *
 * <p>Adding trades to a one-minute candle is idempotent per event: the candle's new values are written in one
 * TransactWriteItems with an applied marker for each event whose part it adds (key: the candle's series and the event
 * id, {@link #markerSeries}; the candle's open time), each conditional on not existing. A replayed event's marker
 * exists, its part is left out and nothing is counted twice; a crash leaves either the candle and its markers or
 * neither. The candle item stays a few hundred bytes however many events it holds, and the writes grow with the
 * (event, candle) pairs, not with the ticks.
 */
public final class DynamoDbCandleStore implements CandleStore {

    /** Writers that keep colliding on one candle give up after this many tries; the message is then retried whole. */
    private static final int MAX_ATTEMPTS = 25;

    /** DynamoDB's limit on the items of one TransactWriteItems: the candle and up to 99 markers. */
    private static final int MAX_TRANSACTION_ITEMS = 100;

    /** How many one-minute candles the process remembers as it wrote them: a few hundred bytes each. */
    private static final int RECENT_CANDLES = 4_096;

    private static final TableSchema<CandleItem> SCHEMA = TableSchema.fromBean(CandleItem.class);

    private static final List<String> CANDLE_ATTRIBUTES = List.of(
            "series",
            "openTime",
            "venue",
            "symbol",
            "interval",
            "open",
            "high",
            "low",
            "close",
            "volume",
            "notional",
            "vwap",
            "tradeCount",
            "firstTime",
            "lastTime",
            "source",
            "sourceVersion",
            "version");

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final DynamoDbTable<CandleItem> table;
    private final Duration oneMinuteTtl;
    private final Clock clock;

    /** Turns on the candles, by a hash of their key. */
    private final ReentrantLock[] turns = new ReentrantLock[64];

    /** The one-minute candles this process wrote last, as written, so the next writer need not read them back. */
    private final Map<CandleKey, Map<String, AttributeValue>> lastWritten =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<CandleKey, Map<String, AttributeValue>> eldest) {
                    return size() > RECENT_CANDLES;
                }
            });

    /**
     * @param oneMinuteTtl how long a one-minute candle and its markers are kept after its last change (their TTL), and
     *     so how late a replayed event is still recognised; longer candles stay
     */
    public DynamoDbCandleStore(
            DynamoDbEnhancedClient enhanced,
            DynamoDbClient dynamoDb,
            String tableName,
            Duration oneMinuteTtl,
            Clock clock) {
        this.enhanced = enhanced;
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.table = enhanced.table(tableName, SCHEMA);
        this.oneMinuteTtl = oneMinuteTtl;
        this.clock = clock;
        Arrays.setAll(turns, i -> new ReentrantLock());
    }

    @Override
    public List<Candle> addOnce(Collection<EventPart> parts) {
        Map<CandleKey, Map<UUID, Candle>> byCandle = new LinkedHashMap<>();
        // The same event twice in one batch (a redelivery beside the first delivery) is one part.
        parts.forEach(p -> byCandle.computeIfAbsent(p.part().key(), k -> new LinkedHashMap<>())
                .putIfAbsent(p.eventId(), p.part()));
        // Candles this process wrote last need no read: if another process wrote one since, the version says so.
        Map<CandleKey, CandleItem> stored = load(byCandle.keySet().stream()
                .filter(key -> !lastWritten.containsKey(key))
                .toList());
        List<Candle> result = new ArrayList<>(byCandle.size());
        byCandle.forEach((key, candleParts) -> {
            Candle candle = addOnceInTurn(key, candleParts, stored.get(key));
            if (candle != null) {
                result.add(candle);
            }
        });
        return result;
    }

    /**
     * Writers of this process take turns on a candle, each starting from the last write: without turns, concurrent
     * batches of a busy instrument collide on its current candle, and every collision costs a cancelled transaction
     * and a read. Writers of other processes still collide, and are told apart by the candle's version.
     */
    private @Nullable Candle addOnceInTurn(CandleKey key, Map<UUID, Candle> parts, @Nullable CandleItem read) {
        ReentrantLock turn = turns[Math.floorMod(key.hashCode(), turns.length)];
        turn.lock();
        try {
            CandleItem item = read;
            Map<String, AttributeValue> written = lastWritten.get(key);
            if (written != null) {
                CandleItem mine = SCHEMA.mapToItem(written);
                if (item == null || mine.getVersion() > item.getVersion()) {
                    item = mine;
                }
            }
            return addOnce(key, parts, item);
        } finally {
            turn.unlock();
        }
    }

    /**
     * Adds the parts not applied yet to the candle, in transactions of the candle's new values and one applied marker
     * per part, so that a marker exists exactly when its part is in the candle.
     *
     * @return the candle as stored afterwards; {@code null} when every part was applied before and the candle is gone
     *     (expired)
     */
    private @Nullable Candle addOnce(CandleKey key, Map<UUID, Candle> parts, @Nullable CandleItem item) {
        Map<UUID, Candle> pending = new LinkedHashMap<>(parts);
        int collisions = 0;
        while (true) {
            Set<String> legacy = item == null ? null : item.getEvents();
            if (legacy != null) {
                // Candles written before the markers existed hold their event ids themselves.
                pending.keySet().removeIf(id -> legacy.contains(id.toString()));
            }
            if (pending.isEmpty()) {
                return item == null ? null : item.toCandle();
            }
            List<UUID> chunk =
                    pending.keySet().stream().limit(MAX_TRANSACTION_ITEMS - 1).toList();
            Candle merged = item == null ? null : item.toCandle();
            for (UUID event : chunk) {
                Candle part = pending.get(event);
                merged = merged == null ? part : merged.merge(part);
            }
            Long expected = item == null ? null : item.getVersion();
            CandleItem next = item == null ? new CandleItem() : item;
            next.setCandle(merged, item == null || item.getSource() == null ? "trades" : item.getSource());
            long expiresAt = clock.instant().plus(oneMinuteTtl).getEpochSecond();
            next.setExpiresAt(expiresAt);
            next.setVersion(expected == null ? 1L : expected + 1);
            List<TransactWriteItem> writes = new ArrayList<>(chunk.size() + 1);
            writes.add(TransactWriteItem.builder()
                    .put(candlePut(SCHEMA.itemToMap(next, true), expected))
                    .build());
            for (UUID event : chunk) {
                writes.add(TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(tableName)
                                .item(Map.of(
                                        "series", AttributeValue.fromS(markerSeries(key, event)),
                                        "openTime",
                                                AttributeValue.fromN(Long.toString(
                                                        key.openTime().toEpochMilli())),
                                        "expiresAt", AttributeValue.fromN(Long.toString(expiresAt))))
                                // The idempotency key: the event id, for this candle.
                                .conditionExpression("attribute_not_exists(series)")
                                .build())
                        .build());
            }
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(writes));
                lastWritten.put(key, writes.getFirst().put().item());
                chunk.forEach(pending::remove);
                if (pending.isEmpty()) {
                    return merged;
                }
                // The next chunk builds on this one's write.
                item = next;
            } catch (TransactionCanceledException cancelled) {
                lastWritten.remove(key);
                pending.keySet().removeAll(appliedBefore(key, chunk, cancelled));
                if (++collisions == MAX_ATTEMPTS) {
                    throw cancelled;
                }
                // Another writer changed the candle, or some parts were in it already: read it again and go on.
                item = get(key);
            }
        }
    }

    private Put candlePut(Map<String, AttributeValue> candle, @Nullable Long expected) {
        Put.Builder put = Put.builder().tableName(tableName).item(candle);
        if (expected == null) {
            return put.conditionExpression("attribute_not_exists(series)").build();
        }
        return put.conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expected))))
                .build();
    }

    /** The events of {@code chunk} whose marker for the candle existed: their parts are in it already. */
    private Set<UUID> appliedBefore(CandleKey key, List<UUID> chunk, TransactionCanceledException cancelled) {
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        Set<UUID> applied = new HashSet<>();
        if (reasons != null && reasons.size() == chunk.size() + 1) {
            for (int i = 0; i < chunk.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i + 1).code())) {
                    applied.add(chunk.get(i));
                }
            }
            return applied;
        }
        // A store that gives no reasons: the markers themselves say it.
        for (UUID event : chunk) {
            Map<String, AttributeValue> marker = dynamoDb.getItem(r -> r.tableName(tableName)
                            .key(Map.of(
                                    "series", AttributeValue.fromS(markerSeries(key, event)),
                                    "openTime",
                                            AttributeValue.fromN(
                                                    Long.toString(key.openTime().toEpochMilli()))))
                            .consistentRead(true))
                    .item();
            if (marker != null && !marker.isEmpty()) {
                applied.add(event);
            }
        }
        return applied;
    }

    /**
     * The partition key of the marker saying that {@code event}'s part is in the one-minute candle {@code key}: the
     * candle's series and the event id, so markers never share a partition with candles and a series' Query never
     * meets one (a series ends with its interval, a marker with a UUID).
     */
    static String markerSeries(CandleKey key, UUID event) {
        return key.series() + "@" + event;
    }

    /**
     * One Query for the children and one conditional put: the put wins only over a computation from older children
     * ({@code sourceVersion} smaller), so concurrent roll-ups never retry, and the newest one stays. The rolled-up
     * candle's own {@code version} is its {@code sourceVersion}, which grows with every change below it, so the next
     * interval up sees the change in the sum of its children's versions.
     */
    @Override
    public Candle rollUp(CandleKey parent, Interval childInterval) {
        List<CandleItem> children = query(
                CandleKey.series(parent.venue(), parent.symbol(), childInterval),
                parent.openTime(),
                parent.closeTime());
        if (children.isEmpty()) {
            throw new IllegalStateException(
                    "No " + childInterval.wireName() + " candles to roll " + parent + " up from");
        }
        Candle rolled = Candle.rollUp(
                parent, children.stream().map(CandleItem::toCandle).toList());
        long sourceVersion = children.stream().mapToLong(CandleItem::getVersion).sum();
        CandleItem next = new CandleItem();
        next.setCandle(rolled, "roll-up");
        next.setSourceVersion(sourceVersion);
        next.setVersion(sourceVersion);
        try {
            dynamoDb.putItem(r -> r.tableName(tableName)
                    .item(SCHEMA.itemToMap(next, true))
                    .conditionExpression("attribute_not_exists(sourceVersion) OR sourceVersion < :source")
                    .expressionAttributeValues(Map.of(":source", AttributeValue.fromN(Long.toString(sourceVersion)))));
            return rolled;
        } catch (ConditionalCheckFailedException e) {
            // Someone computed it from the same or newer children already.
            CandleItem current = get(parent);
            if (current == null) {
                throw new IllegalStateException(parent + " was there a moment ago and is gone", e);
            }
            return current.toCandle();
        }
    }

    @Override
    public void putStated(Collection<Candle> candles) {
        Map<CandleKey, CandleItem> stored =
                load(candles.stream().map(Candle::key).toList());
        for (Candle candle : candles) {
            CandleItem item = stored.get(candle.key());
            for (int attempt = 1; ; attempt++) {
                CandleItem next = item == null ? new CandleItem() : item;
                next.setCandle(candle, "bars");
                try {
                    table.putItem(next);
                    break;
                } catch (ConditionalCheckFailedException e) {
                    if (attempt == MAX_ATTEMPTS) {
                        throw e;
                    }
                    item = get(candle.key());
                }
            }
        }
    }

    @Override
    public List<Candle> range(String venue, String symbol, Interval interval, Instant from, Instant to) {
        return query(CandleKey.series(venue, symbol, interval), from, to).stream()
                .map(CandleItem::toCandle)
                .toList();
    }

    private List<CandleItem> query(String series, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        QueryConditional between = QueryConditional.sortBetween(
                Key.builder()
                        .partitionValue(series)
                        .sortValue(from.toEpochMilli())
                        .build(),
                Key.builder()
                        .partitionValue(series)
                        .sortValue(to.toEpochMilli() - 1)
                        .build());
        List<CandleItem> items = new ArrayList<>();
        // Everything but the one-minute candles' event ids, which can be tens of kilobytes and no reader here needs.
        table.query(r -> r.queryConditional(between).consistentRead(true).attributesToProject(CANDLE_ATTRIBUTES))
                .items()
                .forEach(items::add);
        return items;
    }

    private CandleItem get(CandleKey key) {
        return table.getItem(r -> r.key(key(key)).consistentRead(true));
    }

    /** The stored items of {@code keys}, read 100 at a time. */
    private Map<CandleKey, CandleItem> load(Collection<CandleKey> keys) {
        Map<CandleKey, CandleItem> found = new HashMap<>();
        List<CandleKey> all = List.copyOf(new java.util.LinkedHashSet<>(keys));
        for (int from = 0; from < all.size(); from += 100) {
            ReadBatch.Builder<CandleItem> batch =
                    ReadBatch.builder(CandleItem.class).mappedTableResource(table);
            for (CandleKey key : all.subList(from, Math.min(all.size(), from + 100))) {
                batch.addGetItem(r -> r.key(key(key)).consistentRead(true));
            }
            ReadBatch read = batch.build();
            for (BatchGetResultPage page : enhanced.batchGetItem(r -> r.addReadBatch(read))) {
                for (CandleItem item : page.resultsForTable(table)) {
                    found.put(item.toCandle().key(), item);
                }
            }
        }
        return found;
    }

    private static Key key(CandleKey key) {
        return Key.builder()
                .partitionValue(key.series())
                .sortValue(key.openTime().toEpochMilli())
                .build();
    }
}
