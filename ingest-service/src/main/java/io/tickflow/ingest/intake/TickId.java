package io.tickflow.ingest.intake;

import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.ingest.Bar;
import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.Trade;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The identity of a tick, the key downstream de-duplication uses: two ticks with the same id are the same fact, sent
 * twice (an SQS redelivery, a producer's retry, a file replayed).
 *
 * <p>It is the tick's {@link TickStream} (venue, symbol, dataset, all normalised) and, within that stream, the first of
 * these that the tick has:
 *
 * <ol>
 *   <li>{@link Basis#TRADE_ID}: the venue's trade id, as sent;
 *   <li>{@link Basis#SEQUENCE}: the venue's sequence number, in decimal;
 *   <li>{@link Basis#CONTENT}: a hash of the tick's normalised content, when the venue gives neither (quotes, bars,
 *       trades from CSV files). It is the first 128 bits, in hex, of the SHA-256 of a canonical line: the type (and a
 *       bar's interval), the time as seconds and nanoseconds since the epoch, then the values in contract order, each
 *       decimal in plain notation without trailing zeros (so {@code 800.00} and {@code 800} are the same), and a
 *       trade's side, joined by {@code |}; e.g. {@code trade|1385343668.123000000|800.01|0.1|buy}. Two genuinely different
 *       ticks with identical content at the same instant (two equal trades in the same millisecond, without ids) are
 *       therefore taken for one: a venue that can produce them must send trade ids or sequences.
 * </ol>
 *
 * <p>Its string form, {@link #toString()}, is stable across releases: {@code
 * <venue>/<symbol>/<dataset>/<basis>/<key>}, e.g. {@code bitstamp/BTC-USD/trades/trade-id/2101387}, {@code
 * coinbase/ETH-USD/quotes/sha256/3b1f…}. Venue and symbol hold no {@code /}, so the first four parts split cleanly;
 * the key (a trade id may hold {@code /}) is everything after the fourth {@code /}.
 *
 * @param venue the normalised venue
 * @param symbol the normalised symbol
 * @param dataset the tick's dataset
 * @param basis what {@code key} is
 * @param key the trade id, the sequence in decimal or the content hash in hex
 */
public record TickId(String venue, String symbol, Dataset dataset, Basis basis, String key) {

    /** What identifies a tick within its stream. */
    public enum Basis {
        /** The venue's trade id. */
        TRADE_ID("trade-id"),
        /** The venue's sequence number. */
        SEQUENCE("sequence"),
        /** A SHA-256 of the normalised content, truncated to 128 bits. */
        CONTENT("sha256");

        private final String label;

        Basis(String label) {
            this.label = label;
        }

        /** Its name in the string form: {@code trade-id}, {@code sequence} or {@code sha256}. */
        public String label() {
            return label;
        }
    }

    private static final int HASH_BYTES = 16;

    /** Never used itself, only copied: a digest's state is not shared between threads. */
    private static final MessageDigest SHA_256 = newSha256();

    public TickId {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(key, "key");
    }

    /** The identity of {@code tick}, a normalised tick of {@code venue}. */
    public static TickId of(String venue, Tick tick) {
        if (tick instanceof Trade trade && trade.tradeId() != null) {
            return new TickId(venue, tick.symbol(), tick.dataset(), Basis.TRADE_ID, trade.tradeId());
        }
        if (tick instanceof Trade trade && trade.sequence() != null) {
            return new TickId(
                    venue,
                    tick.symbol(),
                    tick.dataset(),
                    Basis.SEQUENCE,
                    trade.sequence().toString());
        }
        return new TickId(venue, tick.symbol(), tick.dataset(), Basis.CONTENT, contentHash(tick));
    }

    /** The stream this tick belongs to. */
    public TickStream stream() {
        return new TickStream(venue, symbol, dataset);
    }

    /** {@code <venue>/<symbol>/<dataset>/<basis>/<key>}, e.g. {@code bitstamp/BTC-USD/trades/trade-id/2101387}. */
    @Override
    public String toString() {
        return venue + "/" + symbol + "/" + dataset.wireName() + "/" + basis.label + "/" + key;
    }

    /** The canonical line of a tick's content that {@link Basis#CONTENT} hashes. */
    static String canonicalContent(Tick tick) {
        StringBuilder line = new StringBuilder(96);
        switch (tick) {
            case Trade t -> {
                line.append("trade");
                time(line, t.time());
                decimals(line, t.price(), t.size());
                line.append('|').append(t.side() == null ? "" : t.side().wireName());
            }
            case Quote q -> {
                line.append("quote");
                time(line, q.time());
                decimals(line, q.bid(), q.bidSize(), q.ask(), q.askSize());
            }
            case Bar b -> {
                line.append("bar|").append(b.interval());
                time(line, b.time());
                decimals(line, b.open(), b.high(), b.low(), b.close(), b.volume());
            }
        }
        return line.toString();
    }

    /** {@code |} and the instant as seconds and nanoseconds since the epoch: {@code |1385343668.123000000}. */
    private static void time(StringBuilder line, Instant time) {
        String nanos = Integer.toString(time.getNano());
        line.append('|').append(time.getEpochSecond()).append('.');
        line.append("000000000", 0, 9 - nanos.length()).append(nanos);
    }

    /** {@code |} and each value in plain notation without trailing zeros, so that 800.00 and 800 are the same. */
    private static void decimals(StringBuilder line, BigDecimal... values) {
        for (BigDecimal value : values) {
            int start = line.length();
            line.append('|').append(value.toPlainString());
            // Strips the zeros as text: the same as BigDecimal.stripTrailingZeros(), at a fraction of its cost.
            if (line.indexOf(".", start) >= 0) {
                int end = line.length();
                while (line.charAt(end - 1) == '0') {
                    end--;
                }
                line.setLength(line.charAt(end - 1) == '.' ? end - 1 : end);
            }
        }
    }

    private static String contentHash(Tick tick) {
        byte[] hash = sha256().digest(canonicalContent(tick).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, HASH_BYTES);
    }

    /** A fresh digest: a copy of an untouched one, which is cheaper than looking the algorithm up each time. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            // A provider whose SHA-256 cannot be copied: look it up each time instead (the JDK's can be copied).
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's specification), so this is a broken runtime.
            throw new IllegalStateException("This Java runtime has no SHA-256", e);
        }
    }
}
