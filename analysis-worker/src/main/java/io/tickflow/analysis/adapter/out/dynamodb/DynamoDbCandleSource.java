package io.tickflow.analysis.adapter.out.dynamodb;

import io.tickflow.analysis.engine.Bars;
import io.tickflow.analysis.study.CandleSource;
import io.tickflow.common.contract.Interval;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads the candles storage-service keeps: one Query per series ({@code venue#symbol#interval}) between two open
 * times, projecting only the prices and volume, straight into primitive arrays. The item layout is storage-service's
 * (its {@code CandleItem}): key {@code series} and {@code openTime} (epoch ms), decimals as strings.
 */
public final class DynamoDbCandleSource implements CandleSource {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCandleSource(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Bars load(String venue, String symbol, Interval interval, Instant from, Instant to) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#s = :series AND #t BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of(
                        "#s",
                        "series",
                        "#t",
                        "openTime",
                        "#o",
                        "open",
                        "#h",
                        "high",
                        "#l",
                        "low",
                        "#c",
                        "close",
                        "#v",
                        "volume"))
                .expressionAttributeValues(Map.of(
                        ":series", AttributeValue.fromS(venue + "#" + symbol + "#" + interval.wireName()),
                        ":from", AttributeValue.fromN(Long.toString(from.toEpochMilli())),
                        ":to", AttributeValue.fromN(Long.toString(to.toEpochMilli() - 1))))
                .projectionExpression("#t, #o, #h, #l, #c, #v")
                .consistentRead(true)
                .build();
        Columns columns = new Columns();
        dynamoDb.queryPaginator(query).items().forEach(columns::add);
        return columns.bars(interval.duration().toMillis());
    }

    /** Growing primitive columns, so that a million candles never become a million objects. */
    private static final class Columns {
        private long[] times = new long[1024];
        private double[] open = new double[1024];
        private double[] high = new double[1024];
        private double[] low = new double[1024];
        private double[] close = new double[1024];
        private double[] volume = new double[1024];
        private int size;

        void add(Map<String, AttributeValue> item) {
            if (size == times.length) {
                int capacity = size * 2;
                times = Arrays.copyOf(times, capacity);
                open = Arrays.copyOf(open, capacity);
                high = Arrays.copyOf(high, capacity);
                low = Arrays.copyOf(low, capacity);
                close = Arrays.copyOf(close, capacity);
                volume = Arrays.copyOf(volume, capacity);
            }
            times[size] = Long.parseLong(item.get("openTime").n());
            open[size] = Double.parseDouble(item.get("open").s());
            high[size] = Double.parseDouble(item.get("high").s());
            low[size] = Double.parseDouble(item.get("low").s());
            close[size] = Double.parseDouble(item.get("close").s());
            volume[size] = Double.parseDouble(item.get("volume").s());
            size++;
        }

        Bars bars(long intervalMillis) {
            return Bars.of(
                    Arrays.copyOf(times, size),
                    Arrays.copyOf(open, size),
                    Arrays.copyOf(high, size),
                    Arrays.copyOf(low, size),
                    Arrays.copyOf(close, size),
                    Arrays.copyOf(volume, size),
                    intervalMillis);
        }
    }
}
