package io.tickflow.bench.ingest;

import io.tickflow.common.contract.ContractJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Ingest messages built from real market data that ta4j-examples ships at its jar root: the 99,999 Bitstamp BTC/USD
 * trades of {@code bitstamp_trades_from_20131125_usd.csv} and the 580 five-minute ETH/USD bars of {@code
 * ETH-USD-PT5M-2023-3-13_2023-3-15.json}. Each message holds exactly {@code ticksPerMessage} ticks, so that a benchmark
 * can count ticks with {@code @OperationsPerInvocation}; all of them are valid.
 */
final class MarketDataBatches {

    private static final String TRADES_CSV = "bitstamp_trades_from_20131125_usd.csv";
    private static final String ETH_BARS_JSON = "ETH-USD-PT5M-2023-3-13_2023-3-15.json";

    private MarketDataBatches() {}

    /** One CSV row: the second it happened, price and amount as written (12 decimals). */
    private record CsvTrade(long epochSecond, String price, String amount) {}

    /**
     * The Bitstamp trades as producers replaying that CSV would send them: no trade ids or sides (the file has none),
     * in four spellings taking turns by message: ISO times or epoch milliseconds, {@code BTC-USD} or {@code btc/usd},
     * decimals as strings or JSON numbers.
     */
    static List<String> bitstampTrades(int ticksPerMessage) {
        List<CsvTrade> trades = readTrades();
        List<String> messages = new ArrayList<>();
        for (int start = 0; start + ticksPerMessage <= trades.size(); start += ticksPerMessage) {
            int variant = messages.size() % 4;
            boolean millis = variant % 2 == 1;
            String symbol = variant == 2 ? "btc/usd" : "BTC-USD";
            boolean numbers = variant == 3;
            StringBuilder json = batchStart("bitstamp");
            for (int i = start; i < start + ticksPerMessage; i++) {
                CsvTrade trade = trades.get(i);
                json.append(i == start ? "" : ",")
                        .append("{\"type\":\"trade\",\"symbol\":\"")
                        .append(symbol)
                        .append("\",\"time\":")
                        .append(
                                millis
                                        ? Long.toString(trade.epochSecond() * 1000)
                                        : "\"" + Instant.ofEpochSecond(trade.epochSecond()) + "\"")
                        .append(",\"price\":")
                        .append(decimal(trade.price(), numbers))
                        .append(",\"size\":")
                        .append(decimal(trade.amount(), numbers))
                        .append('}');
            }
            messages.add(json.append("]}").toString());
        }
        return messages;
    }

    /**
     * Ticks as a venue's feed would send them, in a repeating pattern of ten: six trades with trade ids and sides,
     * three quotes around the trade price, one five-minute ETH/USD bar; ISO times with milliseconds.
     */
    static List<String> mixed(int ticksPerMessage) {
        List<CsvTrade> trades = readTrades();
        List<JsonNode> bars = readBars();
        List<String> messages = new ArrayList<>();
        int tradeIndex = 0;
        int barIndex = 0;
        while (tradeIndex + ticksPerMessage < trades.size()) {
            StringBuilder json = batchStart("bitstamp");
            for (int i = 0; i < ticksPerMessage; i++) {
                json.append(i == 0 ? "" : ",");
                CsvTrade trade = trades.get(tradeIndex);
                // Trades in one second come apart by milliseconds, as a feed would stamp them.
                Instant time = Instant.ofEpochSecond(trade.epochSecond()).plusMillis(i % 1000);
                switch (i % 10) {
                    case 0, 2, 4, 5, 7, 8 -> {
                        CsvTrade previous = trades.get(Math.max(0, tradeIndex - 1));
                        boolean up = new BigDecimal(trade.price()).compareTo(new BigDecimal(previous.price())) >= 0;
                        json.append("{\"type\":\"trade\",\"symbol\":\"BTC-USD\",\"time\":\"")
                                .append(time)
                                .append("\",\"price\":\"")
                                .append(trade.price())
                                .append("\",\"size\":\"")
                                .append(trade.amount())
                                .append("\",\"side\":\"")
                                .append(up ? "buy" : "sell")
                                .append("\",\"tradeId\":\"")
                                .append(2_101_387 + tradeIndex)
                                .append("\",\"sequence\":")
                                .append(1_000_000 + tradeIndex)
                                .append('}');
                        tradeIndex++;
                    }
                    case 1, 3, 6 -> {
                        BigDecimal price = new BigDecimal(trade.price());
                        BigDecimal spread = new BigDecimal("0.01").multiply(BigDecimal.valueOf(1 + i % 5));
                        json.append("{\"type\":\"quote\",\"symbol\":\"BTC-USD\",\"time\":\"")
                                .append(time)
                                .append("\",\"bid\":\"")
                                .append(price.subtract(spread).toPlainString())
                                .append("\",\"bidSize\":\"")
                                .append(trade.amount())
                                .append("\",\"ask\":\"")
                                .append(price.add(spread).toPlainString())
                                .append("\",\"askSize\":\"")
                                .append(new BigDecimal(trade.amount())
                                        .add(BigDecimal.ONE)
                                        .toPlainString())
                                .append("\"}");
                    }
                    default -> {
                        JsonNode bar = bars.get(barIndex++ % bars.size());
                        // The file stamps a bar with its last millisecond; the contract with its first.
                        Instant open = Instant.ofEpochMilli(bar.get("endTime").longValue() + 1)
                                .minus(Duration.ofMinutes(5));
                        json.append("{\"type\":\"bar\",\"symbol\":\"ETH-USD\",\"interval\":\"5m\",\"time\":\"")
                                .append(open)
                                .append("\",\"open\":\"")
                                .append(bar.get("openPrice").decimalValue().toPlainString())
                                .append("\",\"high\":\"")
                                .append(bar.get("highPrice").decimalValue().toPlainString())
                                .append("\",\"low\":\"")
                                .append(bar.get("lowPrice").decimalValue().toPlainString())
                                .append("\",\"close\":\"")
                                .append(bar.get("closePrice").decimalValue().toPlainString())
                                .append("\",\"volume\":\"")
                                .append(bar.get("volume").decimalValue().toPlainString())
                                .append("\"}");
                    }
                }
            }
            messages.add(json.append("]}").toString());
        }
        return messages;
    }

    private static StringBuilder batchStart(String venue) {
        return new StringBuilder(64 * 1024)
                .append("{\"schema\":\"tickflow.tick-batch.v1\",\"venue\":\"")
                .append(venue)
                .append("\",\"ticks\":[");
    }

    private static String decimal(String text, boolean asNumber) {
        return asNumber ? text : "\"" + text + "\"";
    }

    private static List<CsvTrade> readTrades() {
        try (BufferedReader csv =
                new BufferedReader(new InputStreamReader(resource(TRADES_CSV), StandardCharsets.UTF_8))) {
            List<CsvTrade> trades = new ArrayList<>(100_000);
            String line = csv.readLine(); // the header: timestamp,price,amount
            while ((line = csv.readLine()) != null) {
                String[] columns = line.split(",");
                trades.add(new CsvTrade(Long.parseLong(columns[0]), columns[1], columns[2]));
            }
            return trades;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> readBars() {
        try (InputStream in = resource(ETH_BARS_JSON)) {
            List<JsonNode> bars = new ArrayList<>();
            ContractJson.mapper().readTree(in).get("ohlc").forEach(bars::add);
            return bars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MarketDataBatches.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath: it comes with org.ta4j:ta4j-examples");
        }
        return in;
    }
}
