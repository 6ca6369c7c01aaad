package io.tickflow.cli.read;

import static io.tickflow.cli.read.TickField.CLOSE;
import static io.tickflow.cli.read.TickField.HIGH;
import static io.tickflow.cli.read.TickField.LOW;
import static io.tickflow.cli.read.TickField.OPEN;
import static io.tickflow.cli.read.TickField.PRICE;
import static io.tickflow.cli.read.TickField.SIZE;
import static io.tickflow.cli.read.TickField.TIME;
import static io.tickflow.cli.read.TickField.VOLUME;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * CSV shapes the CLI recognises by their header, so that such files need no column mapping. Options given on the
 * command line ({@code --venue}, {@code --symbol}, {@code --interval}) override a preset's defaults.
 */
enum CsvPreset {
    /**
     * Bitstamp's BTC/USD trade history as ta4j-examples ships it ({@code bitstamp_trades_from_20131125_usd.csv}):
     * {@code timestamp} in epoch seconds, {@code price}, {@code amount}; no trade ids.
     */
    BITSTAMP_TRADES(
            "bitstamp-trades",
            List.of("timestamp", "price", "amount"),
            TickKind.TRADE,
            Map.of(TIME, "timestamp", PRICE, "price", SIZE, "amount"),
            TimeFormat.of("epoch-s"),
            "bitstamp",
            "BTC-USD",
            null),
    /**
     * Daily OHLCV bars dated {@code yyyy-MM-dd}, as in ta4j-examples' {@code appleinc_bars_from_20130101_usd.csv}: each
     * bar opens at midnight UTC of its date. The file names neither venue nor symbol.
     */
    DAILY_BARS(
            "daily-bars",
            List.of("date", "open", "high", "low", "close", "volume"),
            TickKind.BAR,
            Map.of(TIME, "date", OPEN, "open", HIGH, "high", LOW, "low", CLOSE, "close", VOLUME, "volume"),
            TimeFormat.auto(),
            null,
            null,
            "1d");

    private final String label;
    private final List<String> header;
    private final TickKind kind;
    private final Map<TickField, String> columns;
    private final TimeFormat timeFormat;
    private final @Nullable String venue;
    private final @Nullable String symbol;
    private final @Nullable String interval;

    CsvPreset(
            String label,
            List<String> header,
            TickKind kind,
            Map<TickField, String> columns,
            TimeFormat timeFormat,
            @Nullable String venue,
            @Nullable String symbol,
            @Nullable String interval) {
        this.label = label;
        this.header = header;
        this.kind = kind;
        this.columns = columns;
        this.timeFormat = timeFormat;
        this.venue = venue;
        this.symbol = symbol;
        this.interval = interval;
    }

    /** The preset whose header this is, compared without regard to case or surrounding spaces. */
    static Optional<CsvPreset> matching(List<String> header) {
        List<String> normalised =
                header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        return Arrays.stream(values()).filter(p -> p.header.equals(normalised)).findFirst();
    }

    String label() {
        return label;
    }

    TickKind kind() {
        return kind;
    }

    Map<TickField, String> columns() {
        return columns;
    }

    TimeFormat timeFormat() {
        return timeFormat;
    }

    /** The default for a field the file has no column for: venue, symbol or interval. */
    @Nullable
    String constant(TickField field) {
        return switch (field) {
            case VENUE -> venue;
            case SYMBOL -> symbol;
            case INTERVAL -> interval;
            default -> null;
        };
    }
}
