package io.tickflow.storage;

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
 * The real Bitstamp BTC/USD trades that ta4j-examples ships at its jar root (100,000 trades from 2013-11-25: epoch
 * seconds, price, amount), read as ingest-service would publish them: symbol {@code BTC-USD}, no trade id.
 */
public final class BitstampTrades {

    public static final String RESOURCE = "/bitstamp_trades_from_20131125_usd.csv";

    private BitstampTrades() {}

    /** Every trade of the file, in file order. */
    public static List<Trade> all() {
        try (InputStream in = BitstampTrades.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: ta4j-examples is a test dependency");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Trade> trades = new ArrayList<>(100_000);
            reader.readLine(); // timestamp,price,amount
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.strip().split(",");
                trades.add(new Trade(
                        "BTC-USD",
                        Instant.ofEpochSecond(Long.parseLong(f[0])),
                        new BigDecimal(f[1]),
                        new BigDecimal(f[2]),
                        null,
                        null,
                        null));
            }
            return trades;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
