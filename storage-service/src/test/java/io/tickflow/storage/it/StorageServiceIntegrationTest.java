package io.tickflow.storage.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.common.contract.market.CandleClosed;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.LocalAwsClients;
import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.localaws.junit.QueueDrainer;
import io.tickflow.storage.BitstampTrades;
import io.tickflow.storage.StorageServiceApplication;
import io.tickflow.testing.RunningService;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** storage-service against the embedded stack: from market-ticks to the lake, the candles and the latest prices. */
class StorageServiceIntegrationTest {

    private static final Topology TOPOLOGY = Topology.tickflow();
    private static final LocalAwsClients AWS = LocalAwsExtension.sharedClients();
    /** Enough of the real Bitstamp day for hundreds of candles of every interval but the daily one. */
    private static final int TRADES = 10_000;

    private static RunningService service;

    private final MarketTicks marketTicks = new MarketTicks(AWS);
    private final Lake lake = new Lake(AWS);
    private final QueueDrainer drainer = new QueueDrainer(AWS);

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        service = RunningService.start(StorageServiceApplication.class, "--tickflow.storage.flush-interval=1s");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theBitstampTradesLandInTheLakeOnceAndTheirCandlesMatchAnIndependentAggregation() throws Exception {
        String venue = uniqueVenue();
        List<Trade> trades = BitstampTrades.all().subList(0, TRADES);
        List<TicksAccepted> events = MarketTicks.events(venue, "BTC-USD", Dataset.TRADES, trades, 500);
        drainer.drain(TOPOLOGY.queue("alert-ticks"), Duration.ofMillis(500));

        marketTicks.publish(events);
        // A redelivery (or ingest publishing again after a crash) of a few events changes nothing.
        marketTicks.publish(events.subList(0, 3));

        String prefix = "market-data/trades/venue=" + venue + "/";
        Path csv = csv(dir, TRADES);
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> assertThat(lakeRows(prefix))
                .isEqualTo(TRADES));

        try (Connection db = Lake.duckdb();
                Statement s = db.createStatement()) {
            Path local = lake.download(prefix, dir.resolve("lake"));
            ResultSet sums = s.executeQuery("SELECT count(*), sum(size)::VARCHAR, count(DISTINCT symbol),"
                    + " min(date)::VARCHAR FROM read_parquet('" + local + "/**/*.parquet', hive_partitioning = true)");
            assertThat(sums.next()).isTrue();
            assertThat(sums.getLong(1)).isEqualTo(TRADES);
            assertThat(new BigDecimal(sums.getString(2)))
                    .isEqualByComparingTo(trades.stream().map(Trade::size).reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(sums.getLong(3)).isEqualTo(1);
            assertThat(sums.getString(4)).isEqualTo("2013-11-25");
        }

        Instant lastTrade =
                trades.stream().map(Trade::time).max(Instant::compareTo).orElseThrow();
        Map<String, List<String>> expectedClosed = new HashMap<>();
        for (String interval : List.of("1m", "5m", "1h", "1d")) {
            Map<Long, List<String>> expected = expectedCandles(csv, interval);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(storedCandles(venue, interval))
                    .isEqualTo(expected));
            long millis =
                    Interval.fromWireName(interval).orElseThrow().duration().toMillis();
            expected.forEach((open, values) -> {
                if (open + millis <= lastTrade.toEpochMilli()) {
                    expectedClosed.put(interval + "@" + open, values);
                }
            });
        }

        // Every candle that ended before the last trade is announced; the last announcement of each (the most trades:
        // one processed concurrently with a later batch may be announced first without all of them) is the candle.
        Map<String, CandleClosed> announced = new HashMap<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (CandleClosed c : candlesClosed(venue)) {
                announced.merge(
                        c.interval().wireName() + "@" + c.openTime().toEpochMilli(),
                        c,
                        (a, b) -> b.tradeCount() > a.tradeCount() ? b : a);
            }
            assertThat(announced.keySet()).isEqualTo(expectedClosed.keySet());
        });
        announced.forEach((key, c) -> assertThat(List.of(
                        plain(c.open().toPlainString()),
                        plain(c.high().toPlainString()),
                        plain(c.low().toPlainString()),
                        plain(c.close().toPlainString()),
                        plain(c.volume().toPlainString()),
                        Long.toString(c.tradeCount())))
                .as(key)
                .isEqualTo(expectedClosed.get(key)));
    }

    @Test
    void theLatestQuoteAndLastTradeOnlyMoveForward() {
        String venue = uniqueVenue();
        Instant t = Instant.parse("2026-01-05T10:00:00Z");
        Quote newer = new Quote(
                "ETH-USD",
                t.plusSeconds(5),
                new BigDecimal("2000.5"),
                BigDecimal.ONE,
                new BigDecimal("2000.6"),
                BigDecimal.TWO);
        Quote older =
                new Quote("ETH-USD", t, new BigDecimal("1990"), BigDecimal.ONE, new BigDecimal("1991"), BigDecimal.TWO);
        marketTicks.publish(MarketTicks.events(venue, "ETH-USD", Dataset.QUOTES, List.of(newer), 1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> item(venue + "#ETH-USD").containsKey("bid"));
        marketTicks.publish(MarketTicks.events(venue, "ETH-USD", Dataset.QUOTES, List.of(older), 1));
        Trade trade = new Trade(
                "ETH-USD", t.plusSeconds(1), new BigDecimal("2000.55"), new BigDecimal("0.5"), null, "7", null);
        marketTicks.publish(MarketTicks.events(venue, "ETH-USD", Dataset.TRADES, List.of(trade), 1));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> item(venue + "#ETH-USD").containsKey("lastPrice"));
        Map<String, AttributeValue> item = item(venue + "#ETH-USD");
        assertThat(item.get("bid").s()).isEqualTo("2000.5");
        assertThat(item.get("ask").s()).isEqualTo("2000.6");
        assertThat(item.get("lastPrice").s()).isEqualTo("2000.55");
        // Both quotes are history the lake keeps, the older one included.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(
                        lakeRows("market-data/quotes/venue=" + venue + "/"))
                .isEqualTo(2));
    }

    @Test
    void theReadApiServesCandlesPricesAndLakeObjects() throws Exception {
        String venue = uniqueVenue();
        Instant t = Instant.parse("2024-03-01T12:00:10Z");
        List<Trade> trades = List.of(
                new Trade("SOL-USD", t, new BigDecimal("100.5"), new BigDecimal("2"), null, "1", null),
                new Trade("SOL-USD", t.plusSeconds(20), new BigDecimal("101"), new BigDecimal("1"), null, "2", null),
                new Trade("SOL-USD", t.plusSeconds(70), new BigDecimal("99"), new BigDecimal("3"), null, "3", null));
        marketTicks.publish(MarketTicks.events(venue, "SOL-USD", Dataset.TRADES, trades, 10));
        String base = "/api/v1/instruments/" + venue + "/SOL-USD";

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(service.get(base + "/candles/1m?from=2024-03-01&to=2024-03-02")
                                .body()
                                .size())
                        .isEqualTo(2));
        var first = service.get(base + "/candles/1m?from=2024-03-01&to=2024-03-02")
                .body()
                .get(0);
        assertThat(first.path("openTime").asString()).isEqualTo("2024-03-01T12:00:00Z");
        assertThat(first.path("open").asString()).isEqualTo("100.5");
        assertThat(first.path("close").asString()).isEqualTo("101");
        assertThat(first.path("volume").asString()).isEqualTo("3");
        assertThat(new BigDecimal(first.path("vwap").asString()))
                .isEqualByComparingTo("100.6666666666666666666666666666667");
        assertThat(first.path("tradeCount").asLong()).isEqualTo(2);
        // Prices are written after the candles in the same update: wait for them too.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        service.get(base).body().path("lastTrade").path("price").asString())
                .isEqualTo("99"));
        assertThat(service.get("/api/v1/instruments").body().findValuesAsString("venue"))
                .contains(venue);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(
                        service.get(base + "/lake/trades?from=2024-03-01T12:00:00Z&to=2024-03-01T13:00:00Z")
                                .body()
                                .get(0)
                                .path("key")
                                .asString())
                .startsWith("market-data/trades/venue=" + venue + "/symbol=SOL-USD/date=2024-03-01/hour=12/part-"));

        var badInterval = service.get(base + "/candles/2m");
        assertThat(badInterval.status()).isEqualTo(400);
        assertThat(badInterval.body().path("detail").asString()).contains("interval is one of [1m, 5m, 1h, 1d]");
        assertThat(service.get(base + "/candles/1m?from=yesterday")
                        .body()
                        .path("detail")
                        .asString())
                .contains("from is an ISO-8601 instant");
        assertThat(service.get("/api/v1/instruments/" + venue + "/NOPE-USD").status())
                .isEqualTo(404);
    }

    @Test
    void compactionMergesAPartitionIntoOneObjectAndARedeliveryAfterItAddsNothing() throws Exception {
        String venue = uniqueVenue();
        String prefix = "market-data/trades/venue=" + venue + "/";
        List<Trade> trades = BitstampTrades.all().subList(0, 1_500);
        List<TicksAccepted> events = MarketTicks.events(venue, "BTC-USD", Dataset.TRADES, trades, 500);
        for (int i = 0; i < events.size(); i++) {
            int expected = (i + 1) * 500;
            marketTicks.publish(List.of(events.get(i)));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(lakeRows(prefix))
                    .isEqualTo(expected));
        }
        List<String> partitions = lake.keys(prefix).stream()
                .map(k -> k.substring(0, k.lastIndexOf('/')))
                .distinct()
                .toList();
        // Three flushes, each writing into the partitions (hours) its trades fall in.
        assertThat(lake.keys(prefix)).hasSizeGreaterThan(partitions.size());

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        service.baseUri() + "/api/v1/lake/compactions?dataset=trades&venue=" + venue))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        // One object per partition: those that had several are merged, those that had one are left alone.
        assertThat(lake.keys(prefix)).hasSize(partitions.size()).anySatisfy(key -> assertThat(key)
                .contains("/compacted-"));
        assertThat(lakeRows(prefix)).isEqualTo(1_500);

        marketTicks.publish(List.of(events.get(1)));
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> true);
        assertThat(lake.keys(prefix)).hasSize(partitions.size());
        assertThat(lakeRows(prefix)).isEqualTo(1_500);
    }

    @Test
    void aMessageThatIsNoTicksAcceptedEventIsDeadLetteredWithItsReason() {
        String dlq = TOPOLOGY.queue("storage-ticks") + "-dlq";
        drainer.drain(dlq, Duration.ofMillis(500));
        AWS.sns().publish(r -> r.topicArn(topicArn("market-ticks")).message("{\"hello\":\"tickflow\"}"));

        Message dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> drainer.drain(dlq, Duration.ofMillis(500)), m -> !m.isEmpty())
                .getFirst();
        assertThat(dead.body()).isEqualTo("{\"hello\":\"tickflow\"}");
        assertThat(dead.messageAttributes().get("rejectionCode").stringValue()).isEqualTo("NOT_TICKS_ACCEPTED");
        assertThat(dead.messageAttributes().get("rejectionReason").stringValue())
                .contains("tickflow.ticks-accepted.v1");
    }

    private long lakeRows(String prefix) throws Exception {
        return lake.rows(prefix, dir);
    }

    /** The real trades as a CSV file DuckDB reads: the first {@code trades} lines of the file ta4j ships. */
    private static Path csv(Path dir, int trades) throws Exception {
        Path all = dir.resolve("bitstamp.csv");
        try (InputStream in = BitstampTrades.class.getResourceAsStream(BitstampTrades.RESOURCE)) {
            Files.copy(in, all, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> lines = Files.readAllLines(all);
        return Files.write(dir.resolve("slice.csv"), lines.subList(0, trades + 1));
    }

    /**
     * Candles by open time (epoch ms) as DuckDB computes them from the CSV: open and close are the price of the
     * earliest and latest trade, ties broken by price; values as [open, high, low, close, volume, count].
     */
    private static Map<Long, List<String>> expectedCandles(Path csv, String interval) throws Exception {
        String width = Map.of("1m", "1 minute", "5m", "5 minutes", "1h", "1 hour", "1d", "1 day")
                .get(interval);
        Map<Long, List<String>> candles = new HashMap<>();
        try (Connection db = Lake.duckdb();
                Statement s = db.createStatement()) {
            ResultSet r = s.executeQuery("WITH t AS (SELECT to_timestamp(timestamp) AS time,"
                    + " price::DECIMAL(38, 18) AS price, amount::DECIMAL(38, 18) AS size FROM read_csv('" + csv
                    + "', header = true, columns = {'timestamp': 'BIGINT', 'price': 'VARCHAR', 'amount': 'VARCHAR'}))"
                    + " SELECT epoch_ms(time_bucket(INTERVAL '" + width
                    + "', time, TIMESTAMPTZ '1970-01-01 00:00:00+00')),"
                    + " min({'t': time, 'p': price}).p::VARCHAR, max(price)::VARCHAR, min(price)::VARCHAR,"
                    + " max({'t': time, 'p': price}).p::VARCHAR, sum(size)::VARCHAR, count(*) FROM t GROUP BY 1");
            while (r.next()) {
                candles.put(
                        r.getLong(1),
                        List.of(
                                plain(r.getString(2)),
                                plain(r.getString(3)),
                                plain(r.getString(4)),
                                plain(r.getString(5)),
                                plain(r.getString(6)),
                                Long.toString(r.getLong(7))));
            }
        }
        return candles;
    }

    private static Map<Long, List<String>> storedCandles(String venue, String interval) {
        Map<Long, List<String>> candles = new HashMap<>();
        AWS.dynamoDb()
                .queryPaginator(r -> r.tableName(TOPOLOGY.table("candles"))
                        .keyConditionExpression("series = :s")
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(venue + "#BTC-USD#" + interval))))
                .items()
                .forEach(item -> candles.put(
                        Long.parseLong(item.get("openTime").n()),
                        List.of(
                                plain(item.get("open").s()),
                                plain(item.get("high").s()),
                                plain(item.get("low").s()),
                                plain(item.get("close").s()),
                                plain(item.get("volume").s()),
                                item.get("tradeCount").n())));
        return candles;
    }

    private List<CandleClosed> candlesClosed(String venue) {
        List<CandleClosed> closed = new ArrayList<>();
        for (Message m : drainer.drain(TOPOLOGY.queue("alert-ticks"), Duration.ofSeconds(1))) {
            if (m.messageAttributes().containsKey("eventType")
                    && m.messageAttributes().get("eventType").stringValue().equals("CandleClosed")
                    && m.messageAttributes().get("venue").stringValue().equals(venue)) {
                closed.add(ContractJson.mapper().readValue(m.body(), CandleClosed.class));
            }
        }
        return closed;
    }

    private static Map<String, AttributeValue> item(String instrument) {
        return AWS.dynamoDb()
                .getItem(r -> r.tableName(TOPOLOGY.table("latest-quotes"))
                        .key(Map.of("instrument", AttributeValue.fromS(instrument)))
                        .consistentRead(true))
                .item();
    }

    private static String topicArn(String shortName) {
        return "arn:aws:sns:us-east-1:000000000000:" + TOPOLOGY.topic(shortName);
    }

    private static String plain(String decimal) {
        return new BigDecimal(decimal).stripTrailingZeros().toPlainString();
    }

    private static String uniqueVenue() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
