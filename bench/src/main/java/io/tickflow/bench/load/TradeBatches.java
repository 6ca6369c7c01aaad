package io.tickflow.bench.load;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TickBatch;
import io.tickflow.common.contract.ingest.Trade;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingest messages of real trades: the 99,999 Bitstamp BTC/USD trades ta4j-examples ships
 * ({@code bitstamp_trades_from_20131125_usd.csv}: epoch second, price, amount, decimals as written), cycled as often as
 * a backlog needs. Tick {@code n} of a run is CSV row {@code n mod 99,999} with trade id {@code n + 1}, so no two ticks
 * of a run are the same trade and nothing is a duplicate.
 */
final class TradeBatches {

    static final String CSV = "bitstamp_trades_from_20131125_usd.csv";
    static final String VENUE = "bitstamp";
    static final String SYMBOL = "BTC-USD";

    private record Row(Instant time, BigDecimal price, BigDecimal amount) {}

    private final List<Row> rows;

    private TradeBatches(List<Row> rows) {
        this.rows = rows;
    }

    static TradeBatches bitstamp() {
        InputStream in = TradeBatches.class.getClassLoader().getResourceAsStream(CSV);
        if (in == null) {
            throw new IllegalStateException(CSV + " is not on the classpath: it comes with org.ta4j:ta4j-examples");
        }
        try (BufferedReader csv = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Row> rows = new ArrayList<>(100_000);
            String line = csv.readLine(); // timestamp,price,amount
            while ((line = csv.readLine()) != null) {
                String[] columns = line.split(",");
                rows.add(new Row(
                        Instant.ofEpochSecond(Long.parseLong(columns[0])),
                        new BigDecimal(columns[1]),
                        new BigDecimal(columns[2])));
            }
            return new TradeBatches(List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every trade of the file once, in file order, as ingest-service would publish it (no trade id). */
    List<Trade> trades() {
        return rows.stream()
                .map(r -> new Trade(SYMBOL, r.time(), r.price(), r.amount(), null, null, null))
                .toList();
    }

    /** A {@code tickflow.tick-batch.v1} message of ticks {@code first} to {@code first + count - 1}. */
    String message(long first, int count) {
        List<Tick> ticks = new ArrayList<>(count);
        for (long n = first; n < first + count; n++) {
            Row row = rows.get((int) (n % rows.size()));
            ticks.add(new Trade(SYMBOL, row.time(), row.price(), row.amount(), null, Long.toString(n + 1), null));
        }
        return ContractJson.mapper().writeValueAsString(new TickBatch(VENUE, ticks));
    }
}
