package io.tickflow.notify.rules;

import io.tickflow.common.contract.market.CandleClosed;
import java.math.BigDecimal;

/**
 * Decides whether a price alert rule fires on an observation: a pure function of the rule, its stored state and the
 * observation, giving the next state and maybe a firing. Feeding a rule's observations in time order, with the state
 * each step returns, fires it once per crossing (or, for {@link PriceAlertRule.MovesPercent}, once per episode), never
 * once per tick.
 *
 * <p>Observations a rule does not react to leave its state as it is and fire nothing:
 *
 * <ul>
 *   <li>observations of another venue or symbol;
 *   <li>closed candles for {@link PriceAlertRule.Crosses} and {@link PriceAlertRule.MovesPercent}, which watch ticks;
 *       prices, and candles of another interval, for {@link PriceAlertRule.CandleCloses};
 *   <li>late ticks: a price older than the last one the rule saw. Ticks of one instrument arrive nearly in order, and
 *       a late one says nothing about where the market is now; taking it would report a crossing that was already
 *       reversed, or measure a move against a window it does not belong to;
 *   <li>a candle that does not open after the last candle the rule saw: a redelivery, or an older candle.
 * </ul>
 */
public final class AlertEvaluator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AlertEvaluator() {}

    /** What {@code observation} does to {@code rule}, whose state before it is {@code state}. */
    public static Evaluation observe(PriceAlertRule rule, AlertState state, Observation observation) {
        if (!rule.venue().equals(observation.venue()) || !rule.symbol().equals(observation.symbol())) {
            return Evaluation.quiet(state);
        }
        return switch (rule) {
            case PriceAlertRule.Crosses crosses ->
                observation instanceof Observation.Price price
                        ? crosses(crosses, state, price)
                        : Evaluation.quiet(state);
            case PriceAlertRule.MovesPercent moves ->
                observation instanceof Observation.Price price
                        ? movesPercent(moves, state, price)
                        : Evaluation.quiet(state);
            case PriceAlertRule.CandleCloses closes ->
                observation instanceof Observation.Candle candle
                        ? candleCloses(closes, state, candle.candle())
                        : Evaluation.quiet(state);
        };
    }

    private static Evaluation crosses(PriceAlertRule.Crosses rule, AlertState state, Observation.Price observed) {
        AlertState.LastPrice next = new AlertState.LastPrice(observed.time(), observed.price());
        if (!(state instanceof AlertState.LastPrice last)) {
            return Evaluation.quiet(next);
        }
        if (observed.time().isBefore(last.time())) {
            return Evaluation.quiet(state);
        }
        BigDecimal level = rule.level();
        int before = last.price().compareTo(level);
        int now = observed.price().compareTo(level);
        if (before < 0 && now >= 0) {
            return Evaluation.fired(next, firing("crosses-above " + level.toPlainString(), observed));
        }
        if (before > 0 && now <= 0) {
            return Evaluation.fired(next, firing("crosses-below " + level.toPlainString(), observed));
        }
        return Evaluation.quiet(next);
    }

    private static Evaluation movesPercent(
            PriceAlertRule.MovesPercent rule, AlertState state, Observation.Price observed) {
        if (!(state instanceof AlertState.Window window)) {
            return Evaluation.quiet(AlertState.Window.of(observed.time(), observed.price()));
        }
        if (observed.time().isBefore(window.lastTime())) {
            return Evaluation.quiet(state);
        }
        BigDecimal price = observed.price();
        AlertState.Window next = window.with(observed.time(), price, rule.window());
        BigDecimal low = next.lowest();
        BigDecimal high = next.highest();
        // Moves relative to the earlier price: up from the lowest, down from the highest; compared without division.
        BigDecimal rise = price.subtract(low);
        BigDecimal fall = high.subtract(price);
        boolean up = low.signum() > 0
                && rise.multiply(HUNDRED).compareTo(rule.percent().multiply(low)) > 0;
        boolean down = high.signum() > 0
                && fall.multiply(HUNDRED).compareTo(rule.percent().multiply(high)) > 0;
        boolean firesUp = up && window.upArmed();
        boolean firesDown = down && window.downArmed();
        AlertState.Window armed = next.armed(!up, !down);
        String within = "% within " + rule.window();
        if (firesUp && firesDown) {
            // Only a window with a wide range and a price in its middle can move both ways at once: report the larger
            // relative move, rise / low against fall / high.
            boolean upIsLarger = rise.multiply(high).compareTo(fall.multiply(low)) >= 0;
            return Evaluation.fired(
                    armed,
                    firing(
                            (upIsLarger ? "moves-up " : "moves-down ")
                                    + rule.percent().toPlainString()
                                    + within,
                            observed));
        }
        if (firesUp) {
            return Evaluation.fired(armed, firing("moves-up " + rule.percent().toPlainString() + within, observed));
        }
        if (firesDown) {
            return Evaluation.fired(armed, firing("moves-down " + rule.percent().toPlainString() + within, observed));
        }
        return Evaluation.quiet(armed);
    }

    private static Evaluation candleCloses(PriceAlertRule.CandleCloses rule, AlertState state, CandleClosed candle) {
        if (candle.interval() != rule.interval()) {
            return Evaluation.quiet(state);
        }
        AlertState.LastCandle next = new AlertState.LastCandle(candle.interval(), candle.openTime(), candle.close());
        if (!(state instanceof AlertState.LastCandle last) || last.interval() != rule.interval()) {
            return Evaluation.quiet(next);
        }
        if (!candle.openTime().isAfter(last.openTime())) {
            return Evaluation.quiet(state);
        }
        if (beyond(rule, candle.close()) && !beyond(rule, last.close())) {
            return Evaluation.fired(
                    next,
                    new Firing(
                            "candle-closes-" + rule.side().wireName() + " "
                                    + rule.interval().wireName() + " "
                                    + rule.level().toPlainString(),
                            candle.close(),
                            candle.closeTime()));
        }
        return Evaluation.quiet(next);
    }

    private static boolean beyond(PriceAlertRule.CandleCloses rule, BigDecimal close) {
        int comparison = close.compareTo(rule.level());
        return switch (rule.side()) {
            case ABOVE -> comparison > 0;
            case BELOW -> comparison < 0;
        };
    }

    private static Firing firing(String condition, Observation.Price observed) {
        return new Firing(condition, observed.price(), observed.time());
    }
}
