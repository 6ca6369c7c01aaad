package io.tickflow.storage.adapter.out.dynamodb;

import io.tickflow.common.contract.Interval;
import io.tickflow.storage.candles.Candle;
import io.tickflow.storage.candles.CandleKey;
import io.tickflow.storage.candles.CandleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * Candles in the candles table through the enhanced client. Every write is a versioned put: when another worker
 * changed the candle since it was read, the put fails, the candle is read again and the change made again.
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
    }

    @Override
    public List<Candle> addOnce(Collection<EventPart> parts) {
        Map<CandleKey, Map<UUID, Candle>> byCandle = new LinkedHashMap<>();
        // The same event twice in one batch (a redelivery beside the first delivery) is one part.
        parts.forEach(p -> byCandle.computeIfAbsent(p.part().key(), k -> new LinkedHashMap<>())
                .putIfAbsent(p.eventId(), p.part()));
        Map<CandleKey, CandleItem> stored = load(byCandle.keySet());
        List<Candle> result = new ArrayList<>(byCandle.size());
        byCandle.forEach((key, candleParts) -> {
            Candle candle = addOnce(key, candleParts, stored.get(key));
            if (candle != null) {
                result.add(candle);
            }
        });
        return result;
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
                chunk.forEach(pending::remove);
                if (pending.isEmpty()) {
                    return merged;
                }
                // The next chunk builds on this one's write.
                item = next;
            } catch (TransactionCanceledException cancelled) {
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

    @Override
    public Candle rollUp(CandleKey parent, Interval childInterval) {
        for (int attempt = 1; ; attempt++) {
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
            long sourceVersion =
                    children.stream().mapToLong(CandleItem::getVersion).sum();
            CandleItem current = get(parent);
            if (current != null && current.getSourceVersion() != null && current.getSourceVersion() >= sourceVersion) {
                // Someone computed it from the same or newer children already.
                return current.toCandle();
            }
            CandleItem next = current == null ? new CandleItem() : current;
            next.setCandle(rolled, "roll-up");
            next.setSourceVersion(sourceVersion);
            try {
                table.putItem(next);
                return rolled;
            } catch (ConditionalCheckFailedException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
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
