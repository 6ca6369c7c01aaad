package io.tickflow.storage.candles;

import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.ingest.Bar;
import io.tickflow.common.contract.ingest.Trade;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One OHLCV candle, or a part of one: {@link #merge} of the parts in any order gives the same candle.
 *
 * <p>That is what makes late and out-of-order trades land right. The open is the price of the earliest trade and the
 * close that of the latest; trades at the same instant are ordered by price (lowest first), so that no arrival order
 * can change a result. Volume, notional and the trade count add up. A candle from a producer's bar has no notional
 * (and so no VWAP) and a trade count of 0.
 *
 * @param key which candle
 * @param open the first price
 * @param high the highest price
 * @param low the lowest price
 * @param close the last price
 * @param volume the quantity traded
 * @param notional the sum of price times quantity, from which the VWAP comes; absent for bars
 * @param tradeCount how many trades
 * @param firstTime when the first trade happened (the open time for bars)
 * @param lastTime when the last trade happened (the open time for bars)
 */
public record Candle(
        CandleKey key,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        @Nullable BigDecimal notional,
        long tradeCount,
        Instant firstTime,
        Instant lastTime) {

    private static final MathContext VWAP_PRECISION = MathContext.DECIMAL128;

    public Candle {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(firstTime, "firstTime");
        Objects.requireNonNull(lastTime, "lastTime");
    }

    /** The one-minute candle of a single trade. */
    public static Candle of(String venue, Trade trade) {
        CandleKey key = CandleKey.containing(venue, trade.symbol(), Interval.ONE_MINUTE, trade.time());
        return new Candle(
                key,
                trade.price(),
                trade.price(),
                trade.price(),
                trade.price(),
                trade.size(),
                trade.price().multiply(trade.size()),
                1,
                trade.time(),
                trade.time());
    }

    /** The candle a producer's bar states, if its interval is one Tickflow keeps candles of. */
    public static @Nullable Candle of(String venue, Bar bar) {
        Interval interval = Interval.fromWireName(bar.interval()).orElse(null);
        if (interval == null || !bar.time().equals(CandleKey.floor(bar.time(), interval))) {
            return null;
        }
        return new Candle(
                new CandleKey(venue, bar.symbol(), interval, bar.time()),
                bar.open(),
                bar.high(),
                bar.low(),
                bar.close(),
                bar.volume(),
                null,
                0,
                bar.time(),
                bar.time());
    }

    /** This candle and {@code other}, parts of the same candle, as one; commutative and associative. */
    public Candle merge(Candle other) {
        if (!key.equals(other.key)) {
            throw new IllegalArgumentException("Cannot merge " + other.key + " into " + key);
        }
        return combine(key, this, other);
    }

    /** The candle {@code parent} made of {@code children}, candles of a shorter interval inside it. */
    public static Candle rollUp(CandleKey parent, List<Candle> children) {
        if (children.isEmpty()) {
            throw new IllegalArgumentException("A candle is rolled up from at least one shorter candle");
        }
        Candle result = null;
        for (Candle child : children) {
            if (!parent.equals(child.key.parent(parent.interval()))) {
                throw new IllegalArgumentException(child.key + " is not part of " + parent);
            }
            result = result == null ? child : combine(parent, result, child);
        }
        return result.key.equals(parent) ? result : result.withKey(parent);
    }

    /** The volume-weighted average price, when the candle was built from trades with volume. */
    public @Nullable BigDecimal vwap() {
        if (notional == null || volume.signum() == 0) {
            return null;
        }
        return notional.divide(volume, VWAP_PRECISION).stripTrailingZeros();
    }

    private Candle withKey(CandleKey newKey) {
        return new Candle(newKey, open, high, low, close, volume, notional, tradeCount, firstTime, lastTime);
    }

    private static Candle combine(CandleKey key, Candle a, Candle b) {
        Candle first = FIRST.compare(a, b) <= 0 ? a : b;
        Candle last = LAST.compare(a, b) >= 0 ? a : b;
        return new Candle(
                key,
                first.open,
                a.high.max(b.high),
                a.low.min(b.low),
                last.close,
                a.volume.add(b.volume),
                a.notional == null || b.notional == null ? null : a.notional.add(b.notional),
                a.tradeCount + b.tradeCount,
                first.firstTime,
                last.lastTime);
    }

    /** Earliest first; at the same instant, the lower open first. */
    private static final Comparator<Candle> FIRST =
            Comparator.comparing(Candle::firstTime).thenComparing(Candle::open);

    /** Latest last; at the same instant, the higher close last. */
    private static final Comparator<Candle> LAST =
            Comparator.comparing(Candle::lastTime).thenComparing(Candle::close);
}
