package io.tickflow.analysis.it;

import io.tickflow.common.contract.Interval;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Candles of the real Bitstamp BTC/USD trades ta4j-examples ships (a week from 2013-11-25), aggregated here the plain
 * way, in the item layout storage-service writes to the candles table: key {@code series} ({@code venue#symbol#interval})
 * and {@code openTime} (epoch ms), prices and volume as decimal strings.
 */
final class BitstampCandles {

    private BitstampCandles() {}

    /** One candle. */
    record Candle(
            long openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {}

    /** The candles of {@code interval}, oldest first. */
    static List<Candle> of(Interval interval) {
        long millis = interval.duration().toMillis();
        TreeMap<Long, Candle> candles = new TreeMap<>();
        try (InputStream in = BitstampCandles.class
                        .getClassLoader()
                        .getResourceAsStream("bitstamp_trades_from_20131125_usd.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",");
                long time = Long.parseLong(fields[0]) * 1000;
                BigDecimal price = new BigDecimal(fields[1]);
                BigDecimal size = new BigDecimal(fields[2]);
                long open = Math.floorDiv(time, millis) * millis;
                candles.merge(
                        open,
                        new Candle(open, price, price, price, price, size),
                        (a, b) -> new Candle(
                                open,
                                a.open(),
                                a.high().max(b.high()),
                                a.low().min(b.low()),
                                b.close(),
                                a.volume().add(b.volume())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(candles.values());
    }

    /** The candles table items of {@code candles}. */
    static List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items(
            String venue, String symbol, Interval interval, List<Candle> candles) {
        return candles.stream()
                .map(c -> Map.of(
                        "series", s(venue + "#" + symbol + "#" + interval.wireName()),
                        "openTime",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(
                                        Long.toString(c.openTime())),
                        "venue", s(venue),
                        "symbol", s(symbol),
                        "interval", s(interval.wireName()),
                        "open", s(c.open().toPlainString()),
                        "high", s(c.high().toPlainString()),
                        "low", s(c.low().toPlainString()),
                        "close", s(c.close().toPlainString()),
                        "volume", s(c.volume().toPlainString())))
                .toList();
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue s(String value) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(value);
    }
}
