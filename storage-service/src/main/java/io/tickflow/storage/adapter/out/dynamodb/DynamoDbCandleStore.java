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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetResultPage;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Candles in the candles table through the enhanced client. Every write is a versioned put: when another worker
 * changed the candle since it was read, the put fails, the candle is read again and the change made again.
 */
public final class DynamoDbCandleStore implements CandleStore {

    /** Writers that keep colliding on one candle give up after this many tries; the message is then retried whole. */
    private static final int MAX_ATTEMPTS = 25;

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
    private final DynamoDbTable<CandleItem> table;
    private final Duration oneMinuteTtl;
    private final Clock clock;

    /**
     * @param oneMinuteTtl how long a one-minute candle is kept after its last change (its TTL); longer ones stay
     */
    public DynamoDbCandleStore(DynamoDbEnhancedClient enhanced, String tableName, Duration oneMinuteTtl, Clock clock) {
        this.enhanced = enhanced;
        this.table = enhanced.table(tableName, SCHEMA);
        this.oneMinuteTtl = oneMinuteTtl;
        this.clock = clock;
    }

    @Override
    public List<Candle> addOnce(Collection<EventPart> parts) {
        Map<CandleKey, List<EventPart>> byCandle = new LinkedHashMap<>();
        parts.forEach(p ->
                byCandle.computeIfAbsent(p.part().key(), k -> new ArrayList<>()).add(p));
        Map<CandleKey, CandleItem> stored = load(byCandle.keySet());
        List<Candle> result = new ArrayList<>(byCandle.size());
        byCandle.forEach((key, candleParts) -> result.add(addOnce(key, candleParts, stored.get(key))));
        return result;
    }

    private Candle addOnce(CandleKey key, List<EventPart> parts, CandleItem item) {
        for (int attempt = 1; ; attempt++) {
            Set<String> held = item == null ? new java.util.HashSet<>() : item.eventsOrEmpty();
            Candle merged = item == null ? null : item.toCandle();
            boolean changed = false;
            for (EventPart part : parts) {
                // The idempotency key: an event's part is in the candle once, however often the event comes.
                if (held.add(part.eventId().toString())) {
                    merged = merged == null ? part.part() : merged.merge(part.part());
                    changed = true;
                }
            }
            if (!changed) {
                return merged;
            }
            CandleItem next = item == null ? new CandleItem() : item;
            next.setCandle(merged, item == null || item.getSource() == null ? "trades" : item.getSource());
            next.setEvents(held);
            next.setExpiresAt(clock.instant().plus(oneMinuteTtl).getEpochSecond());
            try {
                table.putItem(next);
                return merged;
            } catch (ConditionalCheckFailedException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                item = get(key);
            }
        }
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
