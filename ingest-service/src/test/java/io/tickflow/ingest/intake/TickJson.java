package io.tickflow.ingest.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds tick and batch JSON for tests, field by field, with raw JSON values, so that a test shows exactly the text it
 * sends (a price as {@code "\"-1\""} or {@code "-1"}, a duplicated field, a missing one).
 */
final class TickJson {

    static final String VENUE = "bitstamp";

    private final Map<String, String> fields = new LinkedHashMap<>();

    private TickJson() {}

    /** A valid trade of BTC-USD. */
    static TickJson trade() {
        return new TickJson()
                .with("type", "\"trade\"")
                .with("symbol", "\"BTC-USD\"")
                .with("time", "\"2013-11-25T01:41:08.123Z\"")
                .with("price", "\"800.01\"")
                .with("size", "\"0.1\"");
    }

    /** A valid quote of BTC-USD. */
    static TickJson quote() {
        return new TickJson()
                .with("type", "\"quote\"")
                .with("symbol", "\"BTC-USD\"")
                .with("time", "\"2013-11-25T01:41:08.250Z\"")
                .with("bid", "\"799.99\"")
                .with("bidSize", "\"2.5\"")
                .with("ask", "\"800.02\"")
                .with("askSize", "\"0.75\"");
    }

    /** A valid five-minute bar of ETH-USD. */
    static TickJson bar() {
        return new TickJson()
                .with("type", "\"bar\"")
                .with("symbol", "\"ETH-USD\"")
                .with("interval", "\"5m\"")
                .with("time", "\"2023-03-13T00:00:00Z\"")
                .with("open", "\"1674.87\"")
                .with("high", "\"1680.12\"")
                .with("low", "\"1671.00\"")
                .with("close", "\"1679.55\"")
                .with("volume", "\"812.40231\"");
    }

    /** This tick with {@code name} set to the raw JSON {@code value} (replacing it in place if present). */
    TickJson with(String name, String value) {
        fields.put(name, value);
        return this;
    }

    /** This tick with a JSON string value, escaped. */
    TickJson withString(String name, String value) {
        return with(name, quoted(value));
    }

    /** This tick without {@code name}. */
    TickJson without(String name) {
        fields.remove(name);
        return this;
    }

    @Override
    public String toString() {
        return fields.entrySet().stream()
                .map(field -> quoted(field.getKey()) + ":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** A batch of {@code ticks} (raw JSON each) from {@link #VENUE}. */
    static String batch(Object... ticks) {
        return batchFrom("\"" + VENUE + "\"", ticks);
    }

    /** A batch of {@code ticks} with a raw JSON {@code venue}. */
    static String batchFrom(String venue, Object... ticks) {
        StringBuilder json = new StringBuilder("{\"schema\":\"tickflow.tick-batch.v1\",\"venue\":")
                .append(venue)
                .append(",\"ticks\":[");
        for (int i = 0; i < ticks.length; i++) {
            json.append(i == 0 ? "" : ",").append(ticks[i]);
        }
        return json.append("]}").toString();
    }

    /** {@code text} as a JSON string literal. */
    static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
