package io.tickflow.notify.rules;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import io.tickflow.common.contract.Interval;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * A price alert a user set on one instrument of one venue. {@link AlertEvaluator} decides, observation by observation,
 * when it fires; it fires once per crossing or episode, never once per tick.
 *
 * <p>The JSON form names its kind: {@code {"type":"crosses","venue":"bitstamp","symbol":"BTC-USD","level":"30000"}},
 * {@code {"type":"moves-percent",...,"percent":"5","window":"PT15M"}} or {@code
 * {"type":"candle-closes",...,"interval":"1h","side":"above","level":"30000"}}.
 *
 * <p>What a firing says ({@link Firing#condition()}, the {@code condition} of {@code PriceAlertTriggered}) is one of
 * these, numbers in plain notation as the rule states them and windows as ISO-8601 durations:
 *
 * <ul>
 *   <li>{@code crosses-above <level>}, {@code crosses-below <level>}: a trade or quote mid reached or passed the level
 *       coming from the other side, e.g. {@code crosses-above 30000};
 *   <li>{@code moves-up <percent>% within <window>}, {@code moves-down <percent>% within <window>}: the price is more
 *       than that far above (below) a price seen within the window before it, e.g. {@code moves-up 5% within PT15M};
 *   <li>{@code candle-closes-above <interval> <level>}, {@code candle-closes-below <interval> <level>}: a closed
 *       candle of that interval closed beyond the level, e.g. {@code candle-closes-above 1h 30000}.
 * </ul>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PriceAlertRule.Crosses.class, name = "crosses"),
    @JsonSubTypes.Type(value = PriceAlertRule.MovesPercent.class, name = "moves-percent"),
    @JsonSubTypes.Type(value = PriceAlertRule.CandleCloses.class, name = "candle-closes")
})
public sealed interface PriceAlertRule
        permits PriceAlertRule.Crosses, PriceAlertRule.MovesPercent, PriceAlertRule.CandleCloses {

    /** The venue whose prices the rule watches, e.g. {@code bitstamp}. */
    String venue();

    /** The instrument, as ingest-service normalises it, e.g. {@code BTC-USD}. */
    String symbol();

    /**
     * Fires when the trade price or quote mid reaches or passes {@code level} coming from the other side: from below
     * (a price under the level, then one at or over it) it fires {@code crosses-above}, from above {@code
     * crosses-below}. A price sitting on the level fires nothing more; the first price the rule sees only tells which
     * side the market is on.
     *
     * @param venue the venue
     * @param symbol the instrument
     * @param level the price level, positive
     */
    record Crosses(String venue, String symbol, BigDecimal level) implements PriceAlertRule {
        public Crosses {
            requireMarket(venue, symbol);
            requirePositive(level, "level");
        }
    }

    /**
     * Fires when the trade price or quote mid is more than {@code percent} above ({@code moves-up}) or below ({@code
     * moves-down}) a price seen within the trailing {@code window}. Each direction fires once per episode: it re-arms
     * once the move in that direction is back at or under the threshold.
     *
     * @param venue the venue
     * @param symbol the instrument
     * @param percent the threshold in percent, e.g. {@code 5} for 5 %; positive
     * @param window how far back prices count, 1 second to 7 days; JSON as ISO-8601, e.g. {@code PT15M}
     */
    record MovesPercent(
            String venue,
            String symbol,
            BigDecimal percent,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration window)
            implements PriceAlertRule {

        static final Duration SHORTEST_WINDOW = Duration.ofSeconds(1);
        static final Duration LONGEST_WINDOW = Duration.ofDays(7);

        public MovesPercent {
            requireMarket(venue, symbol);
            requirePositive(percent, "percent");
            Objects.requireNonNull(window, "window");
            if (window.compareTo(SHORTEST_WINDOW) < 0 || window.compareTo(LONGEST_WINDOW) > 0) {
                throw new IllegalArgumentException(
                        "The window of a moves-percent rule is 1 second to 7 days (PT1S to P7D): " + window);
            }
        }
    }

    /**
     * Fires when a closed candle of {@code interval} closes beyond {@code level} (strictly above, or strictly below)
     * and the previous closed candle the rule saw did not: once per crossing, never twice for one candle. The first
     * candle the rule sees only tells where the market is.
     *
     * @param venue the venue
     * @param symbol the instrument
     * @param interval the candle interval, e.g. {@code 1h}
     * @param side {@code above} or {@code below}
     * @param level the price level, positive
     */
    record CandleCloses(String venue, String symbol, Interval interval, Side side, BigDecimal level)
            implements PriceAlertRule {
        public CandleCloses {
            requireMarket(venue, symbol);
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(side, "side");
            requirePositive(level, "level");
        }
    }

    /** Which side of a level, written {@code above} or {@code below}. */
    enum Side {
        /** Above the level. */
        ABOVE("above"),
        /** Below the level. */
        BELOW("below");

        private final String wireName;

        Side(String wireName) {
            this.wireName = wireName;
        }

        /** {@code above} or {@code below}. */
        @JsonValue
        public String wireName() {
            return wireName;
        }
    }

    private static void requireMarket(String venue, String symbol) {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        if (venue.isBlank() || symbol.isBlank()) {
            throw new IllegalArgumentException("A price alert names its venue and symbol, e.g. bitstamp and BTC-USD: '"
                    + venue + "', '" + symbol + "'");
        }
    }

    private static void requirePositive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(
                    "The " + name + " of a price alert is positive: " + value.toPlainString());
        }
    }
}
