package io.tickflow.notify.rules;

import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.market.CandleClosed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Feeds one rule observations the way the alert consumer does, carrying its state from each step to the next. */
final class RuleRun {

    static final String VENUE = "bitstamp";
    static final String SYMBOL = "BTC-USD";
    static final Instant START = Instant.parse("2024-03-01T12:00:00Z");

    private final PriceAlertRule rule;
    private AlertState state = AlertState.initial();
    private final List<Firing> firings = new ArrayList<>();

    RuleRun(PriceAlertRule rule) {
        this.rule = rule;
    }

    /** A price {@code seconds} after {@link #START}. */
    Optional<Firing> price(double seconds, String price) {
        return observe(new Observation.Price(
                VENUE, SYMBOL, START.plusMillis(Math.round(seconds * 1000)), new BigDecimal(price)));
    }

    /** Prices one second apart, starting {@code from} seconds after {@link #START}; the firings they caused. */
    List<Firing> prices(double from, String... prices) {
        int before = firings.size();
        for (int i = 0; i < prices.length; i++) {
            price(from + i, prices[i]);
        }
        return List.copyOf(firings.subList(before, firings.size()));
    }

    /** The candle of {@code interval} opening {@code index} intervals after {@link #START}, closing at {@code close}. */
    Optional<Firing> candle(Interval interval, int index, String close) {
        return observe(new Observation.Candle(candle(VENUE, SYMBOL, interval, index, close)));
    }

    Optional<Firing> observe(Observation observation) {
        Evaluation evaluation = AlertEvaluator.observe(rule, state, observation);
        state = evaluation.state();
        evaluation.firing().ifPresent(firings::add);
        return evaluation.firing();
    }

    AlertState state() {
        return state;
    }

    List<Firing> firings() {
        return List.copyOf(firings);
    }

    static CandleClosed candle(String venue, String symbol, Interval interval, int index, String close) {
        Instant open = START.plus(interval.duration().multipliedBy(index));
        BigDecimal price = new BigDecimal(close);
        return new CandleClosed(
                UUID.randomUUID(),
                open.plus(interval.duration()).plusMillis(300),
                venue,
                symbol,
                interval,
                open,
                open.plus(interval.duration()),
                price,
                price,
                price,
                price,
                BigDecimal.ONE,
                null,
                1);
    }
}
