package io.tickflow.notify.rules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.tickflow.common.contract.Interval;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one price alert rule remembers between observations, small enough to keep in a DynamoDB item beside the rule
 * and written in JSON with its kind: {@code {"type":"last-price","time":"...","price":"29950.5"}}.
 *
 * <p>A new rule starts {@link #initial()}. A state of another kind than its rule needs (the rule was edited into
 * another kind, or its candle interval changed) counts as initial: the next observation sets it up again and does not
 * fire. States keep prices rather than sides, so a rule whose level is edited keeps its state and stays correct.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AlertState.Initial.class, name = "initial"),
    @JsonSubTypes.Type(value = AlertState.LastPrice.class, name = "last-price"),
    @JsonSubTypes.Type(value = AlertState.Window.class, name = "window"),
    @JsonSubTypes.Type(value = AlertState.LastCandle.class, name = "last-candle")
})
public sealed interface AlertState
        permits AlertState.Initial, AlertState.LastPrice, AlertState.Window, AlertState.LastCandle {

    /** The state of a rule that has seen nothing yet. */
    static AlertState initial() {
        return new Initial();
    }

    /**
     * When the observation {@code state} last took in happened: the price's time, the last point of a window, the
     * candle's open time; empty for the initial state. Of two states of one rule, the later one is the more current.
     */
    static Optional<Instant> lastSeen(AlertState state) {
        return switch (state) {
            case Initial initial -> Optional.empty();
            case LastPrice last -> Optional.of(last.time());
            case Window window -> Optional.of(window.lastTime());
            case LastCandle candle -> Optional.of(candle.openTime());
        };
    }

    /** Nothing seen yet. */
    record Initial() implements AlertState {}

    /**
     * The last price a {@link PriceAlertRule.Crosses} rule saw, which tells which side of its level the market is on.
     *
     * @param time when the price was seen
     * @param price the price
     */
    record LastPrice(Instant time, BigDecimal price) implements AlertState {
        public LastPrice {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(price, "price");
        }
    }

    /**
     * The trailing window of a {@link PriceAlertRule.MovesPercent} rule, kept as two monotonic deques: the lowest and
     * the highest price of the window are their first points, and only the points that can still become the lowest
     * (highest) once older ones leave the window are kept.
     *
     * <p>The deques are bounded: points that fall into the same slot of {@link #SLOTS_PER_WINDOW}th of the window are
     * merged into one that keeps the more extreme price and the later time, so each deque holds at most about {@value
     * #SLOTS_PER_WINDOW} points however many ticks arrive. The price of the merged point stays in the window at most
     * one slot (1 % of the window) longer than it should: a move is measured over at most 1.01 windows, never less
     * than one.
     *
     * @param minima points of rising price and rising time; the first is the window's lowest price
     * @param maxima points of falling price and rising time; the first is the window's highest price
     * @param upArmed whether a move up may fire: false from a {@code moves-up} firing until the upward move is back at
     *     or under the threshold
     * @param downArmed the same for {@code moves-down}
     */
    record Window(List<Point> minima, List<Point> maxima, boolean upArmed, boolean downArmed) implements AlertState {

        /** Into how many slots a window is cut; bounds the size of each deque. */
        static final int SLOTS_PER_WINDOW = 100;

        public Window {
            minima = List.copyOf(Objects.requireNonNull(minima, "minima"));
            maxima = List.copyOf(Objects.requireNonNull(maxima, "maxima"));
            if (minima.isEmpty() || maxima.isEmpty()) {
                throw new IllegalArgumentException("A window holds at least the last price in both deques");
            }
        }

        /** A window holding one price, armed both ways. */
        static Window of(Instant time, BigDecimal price) {
            List<Point> only = List.of(new Point(time, price));
            return new Window(only, only, true, true);
        }

        /** When the last price was seen: the last point of each deque carries that time. */
        Instant lastTime() {
            return minima.getLast().time().isAfter(maxima.getLast().time())
                    ? minima.getLast().time()
                    : maxima.getLast().time();
        }

        BigDecimal lowest() {
            return minima.getFirst().price();
        }

        BigDecimal highest() {
            return maxima.getFirst().price();
        }

        /** This window with a price seen at {@code time} added and the points older than {@code length} removed. */
        Window with(Instant time, BigDecimal price, Duration length) {
            long slotMillis = Math.max(1, length.toMillis() / SLOTS_PER_WINDOW);
            Instant oldest = time.minus(length);
            return new Window(
                    push(minima, time, price, Comparator.naturalOrder(), slotMillis, oldest),
                    push(maxima, time, price, Comparator.reverseOrder(), slotMillis, oldest),
                    upArmed,
                    downArmed);
        }

        Window armed(boolean up, boolean down) {
            return new Window(minima, maxima, up, down);
        }

        /**
         * Adds a point to a deque whose prices rise in {@code order}: points that are no better than the new price
         * leave from the back; a remaining back point in the new point's slot absorbs it (it is better, and now lives
         * as long as the new point would have); points older than {@code oldest} leave from the front.
         */
        private static List<Point> push(
                List<Point> deque,
                Instant time,
                BigDecimal price,
                Comparator<BigDecimal> order,
                long slotMillis,
                Instant oldest) {
            List<Point> next = new ArrayList<>(deque.size() + 1);
            next.addAll(deque);
            while (!next.isEmpty() && order.compare(next.getLast().price(), price) >= 0) {
                next.removeLast();
            }
            if (!next.isEmpty() && slot(next.getLast().time(), slotMillis) == slot(time, slotMillis)) {
                next.set(next.size() - 1, new Point(time, next.getLast().price()));
            } else {
                next.add(new Point(time, price));
            }
            while (next.getFirst().time().isBefore(oldest)) {
                next.removeFirst();
            }
            return next;
        }

        private static long slot(Instant time, long slotMillis) {
            return Math.floorDiv(time.toEpochMilli(), slotMillis);
        }
    }

    /**
     * A price at a moment, one point of a {@link Window}.
     *
     * @param time when it was seen
     * @param price the price
     */
    record Point(Instant time, BigDecimal price) {
        public Point {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(price, "price");
        }
    }

    /**
     * The last closed candle a {@link PriceAlertRule.CandleCloses} rule saw.
     *
     * @param interval its interval
     * @param openTime when it opened, which identifies it among the candles of its interval
     * @param close its close price
     */
    record LastCandle(Interval interval, Instant openTime, BigDecimal close) implements AlertState {
        public LastCandle {
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(openTime, "openTime");
            Objects.requireNonNull(close, "close");
        }
    }
}
