package io.tickflow.cli.read;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A property of a tick in the tick-batch contract that a CSV column can fill, plus the batch's {@code venue}. */
public enum TickField {
    VENUE("venue", Encoding.TEXT),
    SYMBOL("symbol", Encoding.TEXT),
    INTERVAL("interval", Encoding.TEXT),
    TIME("time", Encoding.TIME),
    PRICE("price", Encoding.TEXT),
    SIZE("size", Encoding.TEXT),
    SIDE("side", Encoding.TEXT),
    TRADE_ID("tradeId", Encoding.TEXT),
    SEQUENCE("sequence", Encoding.INTEGER),
    BID("bid", Encoding.TEXT),
    BID_SIZE("bidSize", Encoding.TEXT),
    ASK("ask", Encoding.TEXT),
    ASK_SIZE("askSize", Encoding.TEXT),
    OPEN("open", Encoding.TEXT),
    HIGH("high", Encoding.TEXT),
    LOW("low", Encoding.TEXT),
    CLOSE("close", Encoding.TEXT),
    VOLUME("volume", Encoding.TEXT);

    /**
     * How a column's text becomes the property's JSON value. Decimals are {@code TEXT}: they travel as the exact
     * string read, which the contract accepts and no reader rounds.
     */
    enum Encoding {
        /** A JSON string, as read. */
        TEXT,
        /** Converted by the column's {@link TimeFormat} into an ISO-8601 instant. */
        TIME,
        /** A JSON integer when the text is one, otherwise the text, for ingest-service to reject. */
        INTEGER
    }

    private final String wireName;
    private final Encoding encoding;

    TickField(String wireName, Encoding encoding) {
        this.wireName = wireName;
        this.encoding = encoding;
    }

    /** The property name in the contract, e.g. {@code tradeId}. */
    public String wireName() {
        return wireName;
    }

    Encoding encoding() {
        return encoding;
    }

    /** The field a command line names, by its contract name in any case ({@code tradeid}, {@code TradeId}). */
    public static Optional<TickField> named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.wireName.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
