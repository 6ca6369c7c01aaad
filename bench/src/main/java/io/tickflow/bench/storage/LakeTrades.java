package io.tickflow.bench.storage;

import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.contract.ingest.Trade;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The real Bitstamp BTC/USD trades that ta4j-examples ships at its jar root ({@code
 * bitstamp_trades_from_20131125_usd.csv}: 100,000 trades, epoch second, price, amount, CRLF line ends but none after the last), as
 * ingest-service publishes them to storage-service: symbol {@code BTC-USD}, decimals as written, no side, trade id or
 * sequence (the file has none), in {@code TicksAccepted} events of {@value #TRADES_PER_EVENT}.
 */
final class LakeTrades {

    static final String CSV = "bitstamp_trades_from_20131125_usd.csv";
    static final String VENUE = "bitstamp";
    static final String SYMBOL = "BTC-USD";

    /** Ticks per ingest message, and so per {@code TicksAccepted} event, as {@code ./tickflow publish} sends them. */
    static final int TRADES_PER_EVENT = 500;

    /** A Bitstamp trade id of the file's first day, for the variant with venue trade ids. */
    private static final long FIRST_TRADE_ID = 2_101_387;

    /** When ingest-service accepted the events: fixed, so that every run encodes the same bytes. */
    private static final Instant ACCEPTED_AT = Instant.parse("2013-11-30T00:00:00Z");

    private static List<Trade> all = List.of();

    private LakeTrades() {}

    /** Every trade of the file, in file order (by time). */
    static synchronized List<Trade> bitstamp() {
        if (all.isEmpty()) {
            all = read();
        }
        return all;
    }

    /**
     * {@code count} trades: the file's, then the file again as often as needed, each pass shifted in time by the file's
     * span plus a second, so that times still rise and no trade of one pass equals one of another.
     */
    static List<Trade> cycled(int count) {
        List<Trade> file = bitstamp();
        Duration pass =
                Duration.between(file.getFirst().time(), file.getLast().time()).plusSeconds(1);
        List<Trade> trades = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            Trade t = file.get(n % file.size());
            Duration shift = pass.multipliedBy(n / file.size());
            trades.add(new Trade(t.symbol(), t.time().plus(shift), t.price(), t.size(), null, null, null));
        }
        return trades;
    }

    /** The file's trades with the sequential trade ids a live Bitstamp feed gives them (the file has none). */
    static List<Trade> withTradeIds() {
        List<Trade> file = bitstamp();
        List<Trade> trades = new ArrayList<>(file.size());
        for (int i = 0; i < file.size(); i++) {
            Trade t = file.get(i);
            trades.add(new Trade(
                    t.symbol(), t.time(), t.price(), t.size(), null, Long.toString(FIRST_TRADE_ID + i), null));
        }
        return trades;
    }

    /**
     * The {@code TicksAccepted} events ingest-service would publish for {@code trades}: {@value #TRADES_PER_EVENT}
     * consecutive trades each (the last may hold fewer), with ids derived from their position so that a run is
     * repeatable.
     */
    static List<TicksAccepted> events(List<Trade> trades) {
        List<TicksAccepted> events = new ArrayList<>();
        for (int start = 0; start < trades.size(); start += TRADES_PER_EVENT) {
            List<Tick> ticks = List.copyOf(trades.subList(start, Math.min(trades.size(), start + TRADES_PER_EVENT)));
            String source = "bench-message-" + events.size();
            events.add(new TicksAccepted(
                    UUID.nameUUIDFromBytes(source.getBytes(StandardCharsets.UTF_8)),
                    ACCEPTED_AT,
                    VENUE,
                    SYMBOL,
                    Dataset.TRADES,
                    ticks,
                    List.of(source)));
        }
        return events;
    }

    /** The size of the CSV file in bytes. */
    static long csvBytes() {
        try (InputStream in = resource()) {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Trade> read() {
        try (BufferedReader csv = new BufferedReader(new InputStreamReader(resource(), StandardCharsets.UTF_8))) {
            List<Trade> trades = new ArrayList<>(100_000);
            csv.readLine(); // timestamp,price,amount
            for (String line = csv.readLine(); line != null; line = csv.readLine()) {
                String[] columns = line.strip().split(",");
                trades.add(new Trade(
                        SYMBOL,
                        Instant.ofEpochSecond(Long.parseLong(columns[0])),
                        new BigDecimal(columns[1]),
                        new BigDecimal(columns[2]),
                        null,
                        null,
                        null));
            }
            return List.copyOf(trades);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource() {
        InputStream in = LakeTrades.class.getClassLoader().getResourceAsStream(CSV);
        if (in == null) {
            throw new IllegalStateException(CSV + " is not on the classpath: it comes with org.ta4j:ta4j-examples");
        }
        return in;
    }
}
