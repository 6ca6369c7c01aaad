package io.tickflow.storage.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.storage.candles.Candle;
import io.tickflow.storage.candles.CandleKey;
import io.tickflow.storage.candles.CandleStore.EventPart;
import io.tickflow.storage.candles.OneMinuteParts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One-minute candles in DynamoDB Local: each event counted once, however often and in whatever order it comes. */
class DynamoDbCandleStoreTest {

    private static final LocalAwsClients AWS = LocalAwsExtension.sharedClients();
    private static final String TABLE = Topology.tickflow().table("candles");
    private static final Instant MINUTE = Instant.parse("2026-03-02T10:15:00Z");

    private final DynamoDbCandleStore store = new DynamoDbCandleStore(
            DynamoDbEnhancedClient.builder().dynamoDbClient(AWS.dynamoDb()).build(),
            AWS.dynamoDb(),
            TABLE,
            Duration.ofDays(30),
            Clock.systemUTC());
    private final String venue = "candles-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aReplayedEventIsNotCountedTwice() {
        List<EventPart> first = event(trade(0, "100.5", "1"), trade(1, "101", "2"), trade(2, "99", "1"));
        List<EventPart> second = event(trade(3, "100", "4"));

        store.addOnce(concat(first, second));
        // The first event again, alone, then beside a new one, as a redelivery or a replay would bring it.
        store.addOnce(first);
        List<EventPart> third = event(trade(4, "102", "1"));
        store.addOnce(concat(first, third));

        Candle candle = oneMinute();
        assertThat(candle.tradeCount()).isEqualTo(5);
        assertThat(candle.volume()).isEqualByComparingTo("9");
        assertThat(candle.open()).isEqualByComparingTo("100.5");
        assertThat(candle.high()).isEqualByComparingTo("102");
        assertThat(candle.low()).isEqualByComparingTo("99");
        assertThat(candle.close()).isEqualByComparingTo("102");
        for (List<EventPart> event : List.of(first, second, third)) {
            assertThat(marker(event.getFirst()))
                    .as("marker of the applied event")
                    .isNotEmpty();
        }
    }

    @Test
    void aLateTradeCorrectsTheCandleItBelongsToAndNoOther() {
        store.addOnce(event(trade(10, "100", "1"), trade(30, "101", "1")));
        store.addOnce(event(trade(70, "105", "1")));
        Candle next = candle(MINUTE.plusSeconds(60));

        // A trade of the first minute that arrives after the second minute began: earlier and lower than the rest.
        List<Candle> touched = store.addOnce(event(trade(2, "97", "3")));

        Candle corrected = oneMinute();
        assertThat(touched).containsExactly(corrected);
        assertThat(corrected.tradeCount()).isEqualTo(3);
        assertThat(corrected.open()).isEqualByComparingTo("97");
        assertThat(corrected.low()).isEqualByComparingTo("97");
        assertThat(corrected.close()).isEqualByComparingTo("101");
        assertThat(corrected.volume()).isEqualByComparingTo("5");
        assertThat(candle(MINUTE.plusSeconds(60))).isEqualTo(next);
    }

    @Test
    void concurrentWritersCountEveryEventOnceAndTheCandleItemStaysSmall() throws Exception {
        List<List<EventPart>> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(event(trade(i % 60, "100", "1"), trade((i + 7) % 60, "101", "1")));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                int offset = w;
                // Each writer brings batches of five events, and every event comes from three writers.
                writers.add(pool.submit(() -> {
                    for (int from = (offset % 2) * 5; from < events.size(); from += 10) {
                        List<EventPart> batch = new ArrayList<>();
                        events.subList(from, Math.min(events.size(), from + 5)).forEach(batch::addAll);
                        store.addOnce(batch);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        }

        assertThat(oneMinute().tradeCount()).isEqualTo(400);
        Map<String, AttributeValue> item = AWS.dynamoDb()
                .getItem(r -> r.tableName(TABLE).key(key(CandleKey.series(venue, "BTC-USD", Interval.ONE_MINUTE))))
                .item();
        assertThat(item).doesNotContainKey("events");
        assertThat(item.toString().length())
                .as("the candle item, roughly in bytes")
                .isLessThan(1_000);
    }

    @Test
    void aCandleWrittenWithItsEventIdsInsideStillRecognisesThem() {
        List<EventPart> old = event(trade(5, "100", "2"));
        CandleItem legacy = new CandleItem();
        legacy.setCandle(old.getFirst().part(), "trades");
        legacy.setEvents(new HashSet<>(Set.of(old.getFirst().eventId().toString())));
        DynamoDbEnhancedClient.builder()
                .dynamoDbClient(AWS.dynamoDb())
                .build()
                .table(TABLE, TableSchema.fromBean(CandleItem.class))
                .putItem(legacy);

        store.addOnce(concat(old, event(trade(6, "103", "1"))));

        Candle candle = oneMinute();
        assertThat(candle.tradeCount()).isEqualTo(2);
        assertThat(candle.volume()).isEqualByComparingTo("3");
        assertThat(candle.high()).isEqualByComparingTo("103");
    }

    private Candle oneMinute() {
        return candle(MINUTE);
    }

    private Candle candle(Instant open) {
        List<Candle> found = store.range(venue, "BTC-USD", Interval.ONE_MINUTE, open, open.plusSeconds(60));
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private Map<String, AttributeValue> marker(EventPart part) {
        return AWS.dynamoDb()
                .getItem(r -> r.tableName(TABLE)
                        .key(key(DynamoDbCandleStore.markerSeries(part.part().key(), part.eventId())))
                        .consistentRead(true))
                .item();
    }

    private static Map<String, AttributeValue> key(String series) {
        return Key.builder()
                .partitionValue(series)
                .sortValue(MINUTE.toEpochMilli())
                .build()
                .primaryKeyMap(TableSchema.fromBean(CandleItem.class));
    }

    /** One event's parts: a fresh event id, the trades' one-minute candles. */
    private List<EventPart> event(Trade... trades) {
        UUID id = UUID.randomUUID();
        return OneMinuteParts.of(venue, List.of(trades)).values().stream()
                .map(part -> new EventPart(id, part))
                .toList();
    }

    private static Trade trade(int second, String price, String size) {
        return new Trade(
                "BTC-USD",
                MINUTE.plusSeconds(second),
                new BigDecimal(price),
                new BigDecimal(size),
                null,
                UUID.randomUUID().toString(),
                null);
    }

    private static List<EventPart> concat(List<EventPart> a, List<EventPart> b) {
        List<EventPart> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
