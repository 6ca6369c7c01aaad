package io.tickflow.storage.adapter.out.dynamodb;

import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Side;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.common.lake.Micros;
import io.tickflow.storage.prices.LatestPrices;
import io.tickflow.storage.prices.PriceStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * One item per instrument in the latest-quotes table, key {@code instrument} = {@code venue#symbol}, holding the latest
 * quote and the last trade. Each is written with one UpdateItem conditional on its time
 * ({@code quoteTime} / {@code lastTradeTime}, epoch microseconds), so writers never read first and an older tick
 * loses to a newer one whatever the order they arrive in.
 *
 * <p>These are partial updates of two independent halves of an item with conditions on each, which the enhanced
 * client's whole-item model does not express; the plain client does it in one call each.
 */
public final class DynamoDbPriceStore implements PriceStore {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbPriceStore(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void recordQuote(String venue, Quote quote) {
        Map<String, AttributeValue> values = new HashMap<>(common(venue, quote.symbol()));
        values.put(":t", n(Micros.of(quote.time())));
        values.put(":bid", s(quote.bid()));
        values.put(":bidSize", s(quote.bidSize()));
        values.put(":ask", s(quote.ask()));
        values.put(":askSize", s(quote.askSize()));
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(venue, quote.symbol()))
                    .updateExpression("SET venue = :venue, symbol = :symbol, updatedAt = :now, quoteTime = :t,"
                            + " bid = :bid, bidSize = :bidSize, ask = :ask, askSize = :askSize")
                    .conditionExpression("attribute_not_exists(quoteTime) OR quoteTime < :t")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException newerQuoteStored) {
            // A newer quote is there already: this one is history, which the lake keeps.
        }
    }

    @Override
    public Watermark recordLastTrade(String venue, Trade trade) {
        Map<String, AttributeValue> values = new HashMap<>(common(venue, trade.symbol()));
        values.put(":t", n(Micros.of(trade.time())));
        values.put(":price", s(trade.price()));
        values.put(":size", s(trade.size()));
        values.put(
                ":side",
                trade.side() == null
                        ? AttributeValue.fromNul(true)
                        : AttributeValue.fromS(trade.side().wireName()));
        try {
            UpdateItemResponse response = dynamoDb.updateItem(r -> r.tableName(table)
                    .key(key(venue, trade.symbol()))
                    .updateExpression("SET venue = :venue, symbol = :symbol, updatedAt = :now, lastTradeTime = :t,"
                            + " lastPrice = :price, lastSize = :size, lastSide = :side")
                    .conditionExpression("attribute_not_exists(lastTradeTime) OR lastTradeTime < :t")
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.UPDATED_OLD));
            AttributeValue previous = response.attributes().get("lastTradeTime");
            return new Watermark(
                    true, previous == null ? null : Micros.toInstant(Long.parseLong(previous.n())), trade.time());
        } catch (ConditionalCheckFailedException laterTradeStored) {
            Map<String, AttributeValue> item = dynamoDb.getItem(r ->
                            r.tableName(table).key(key(venue, trade.symbol())).consistentRead(true))
                    .item();
            return new Watermark(
                    false,
                    null,
                    Micros.toInstant(Long.parseLong(item.get("lastTradeTime").n())));
        }
    }

    @Override
    public Optional<LatestPrices> latest(String venue, String symbol) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        r -> r.tableName(table).key(key(venue, symbol)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(prices(item));
    }

    @Override
    public List<LatestPrices> all() {
        List<LatestPrices> all = new ArrayList<>();
        dynamoDb.scanPaginator(r -> r.tableName(table)).items().forEach(item -> all.add(prices(item)));
        all.sort(java.util.Comparator.comparing(LatestPrices::venue).thenComparing(LatestPrices::symbol));
        return all;
    }

    private static LatestPrices prices(Map<String, AttributeValue> item) {
        String symbol = item.get("symbol").s();
        Quote quote = item.containsKey("quoteTime")
                ? new Quote(
                        symbol,
                        Micros.toInstant(Long.parseLong(item.get("quoteTime").n())),
                        new BigDecimal(item.get("bid").s()),
                        new BigDecimal(item.get("bidSize").s()),
                        new BigDecimal(item.get("ask").s()),
                        new BigDecimal(item.get("askSize").s()))
                : null;
        Trade trade = item.containsKey("lastTradeTime")
                ? new Trade(
                        symbol,
                        Micros.toInstant(
                                Long.parseLong(item.get("lastTradeTime").n())),
                        new BigDecimal(item.get("lastPrice").s()),
                        new BigDecimal(item.get("lastSize").s()),
                        side(item.get("lastSide")),
                        null,
                        null)
                : null;
        return new LatestPrices(item.get("venue").s(), symbol, quote, trade);
    }

    private static Side side(AttributeValue value) {
        if (value == null || value.s() == null) {
            return null;
        }
        return Arrays.stream(Side.values())
                .filter(s -> s.wireName().equals(value.s()))
                .findFirst()
                .orElse(null);
    }

    private Map<String, AttributeValue> common(String venue, String symbol) {
        return Map.of(
                ":venue", AttributeValue.fromS(venue),
                ":symbol", AttributeValue.fromS(symbol),
                ":now", AttributeValue.fromS(clock.instant().toString()));
    }

    private static Map<String, AttributeValue> key(String venue, String symbol) {
        return Map.of("instrument", AttributeValue.fromS(venue + "#" + symbol));
    }

    private static AttributeValue s(BigDecimal value) {
        return AttributeValue.fromS(value.toPlainString());
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
