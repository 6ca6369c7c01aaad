package io.tickflow.analysis.engine.indicator;

import io.tickflow.analysis.engine.Bars;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real market data shipped at the root of the ta4j-examples jar, as Tickflow {@link Bars} and as a ta4j {@link
 * BarSeries} of {@code DoubleNum}s holding the same doubles.
 */
record MarketData(String name, Bars bars) {

    @Override
    public String toString() {
        return name + " (" + bars.size() + " bars)";
    }

    static List<MarketData> all() {
        return List.of(appleDaily(), bitstampFiveMinutes(), ethereumFiveMinutes());
    }

    /** Apple's daily bars of 2013 (date, open, high, low, close, volume). */
    static MarketData appleDaily() {
        Columns columns = new Columns();
        List<String> lines = lines("appleinc_bars_from_20130101_usd.csv");
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            long time = LocalDate.parse(fields[0])
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .toEpochMilli();
            columns.add(time, d(fields[1]), d(fields[2]), d(fields[3]), d(fields[4]), d(fields[5]));
        }
        return new MarketData("apple daily", columns.bars(Duration.ofDays(1)));
    }

    /** Bitstamp BTC/USD trades from 25 November 2013 (timestamp in seconds, price, amount) in five-minute bars. */
    static MarketData bitstampFiveMinutes() {
        long interval = Duration.ofMinutes(5).toMillis();
        Columns columns = new Columns();
        List<String> lines = lines("bitstamp_trades_from_20131125_usd.csv");
        long bucket = Long.MIN_VALUE;
        double open = 0;
        double high = 0;
        double low = 0;
        double close = 0;
        double volume = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            long time = Long.parseLong(fields[0]) * 1000;
            double price = d(fields[1]);
            double amount = d(fields[2]);
            long tradeBucket = Math.floorDiv(time, interval) * interval;
            if (tradeBucket != bucket) {
                if (bucket != Long.MIN_VALUE) {
                    columns.add(bucket, open, high, low, close, volume);
                }
                bucket = tradeBucket;
                open = price;
                high = price;
                low = price;
                volume = 0;
            }
            high = Math.max(high, price);
            low = Math.min(low, price);
            close = price;
            volume += amount;
        }
        columns.add(bucket, open, high, low, close, volume);
        return new MarketData("bitstamp 5 minutes", columns.bars(Duration.ofMinutes(5)));
    }

    /** ETH/USD five-minute bars of 13 to 15 March 2023 (JSON, times are the last millisecond of each bar). */
    static MarketData ethereumFiveMinutes() {
        Duration interval = Duration.ofMinutes(5);
        Columns columns = new Columns();
        try (InputStream in = resource("ETH-USD-PT5M-2023-3-13_2023-3-15.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            for (JsonNode bar : root.get("ohlc")) {
                long openTime = bar.get("endTime").asLong() + 1 - interval.toMillis();
                columns.add(
                        openTime,
                        bar.get("openPrice").asDouble(),
                        bar.get("highPrice").asDouble(),
                        bar.get("lowPrice").asDouble(),
                        bar.get("closePrice").asDouble(),
                        bar.get("volume").asDouble());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MarketData("ethereum 5 minutes", columns.bars(interval));
    }

    /** The same bars as a ta4j series computing in doubles. */
    BarSeries toTa4j() {
        BarSeries series = new BaseBarSeriesBuilder()
                .withName(name)
                .withNumFactory(DoubleNumFactory.getInstance())
                .build();
        Duration period = Duration.ofMillis(bars.intervalMillis());
        for (int i = 0; i < bars.size(); i++) {
            series.barBuilder()
                    .timePeriod(period)
                    .endTime(Instant.ofEpochMilli(bars.openTimes()[i]).plus(period))
                    .openPrice(bars.open()[i])
                    .highPrice(bars.high()[i])
                    .lowPrice(bars.low()[i])
                    .closePrice(bars.close()[i])
                    .volume(bars.volume()[i])
                    .add();
        }
        return series;
    }

    private static double d(String text) {
        return Double.parseDouble(text);
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(
                MarketData.class.getClassLoader().getResourceAsStream(name), name + " is in ta4j-examples");
    }

    private static List<String> lines(String name) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.US_ASCII))) {
            return reader.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Columns {
        private final List<double[]> rows = new ArrayList<>();
        private final List<Long> times = new ArrayList<>();

        void add(long time, double open, double high, double low, double close, double volume) {
            times.add(time);
            rows.add(new double[] {open, high, low, close, volume});
        }

        Bars bars(Duration interval) {
            int n = rows.size();
            long[] openTimes = new long[n];
            double[][] columns = new double[5][n];
            for (int i = 0; i < n; i++) {
                openTimes[i] = times.get(i);
                for (int c = 0; c < 5; c++) {
                    columns[c][i] = rows.get(i)[c];
                }
            }
            return Bars.of(openTimes, columns[0], columns[1], columns[2], columns[3], columns[4], interval.toMillis());
        }
    }
}
