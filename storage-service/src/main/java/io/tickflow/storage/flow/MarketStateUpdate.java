package io.tickflow.storage.flow;

import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.ingest.Bar;
import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TicksAccepted;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.common.contract.market.CandleClosed;
import io.tickflow.storage.candles.Candle;
import io.tickflow.storage.candles.CandleKey;
import io.tickflow.storage.candles.CandleStore;
import io.tickflow.storage.candles.CandleStore.EventPart;
import io.tickflow.storage.candles.OneMinuteParts;
import io.tickflow.storage.prices.PriceStore;
import io.tickflow.storage.prices.PriceStore.Watermark;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Brings candles and latest prices up to date with a batch of events as soon as it arrives, without waiting for the
 * lake's flush, and announces the candles that closed.
 *
 * <p>Every step is idempotent, so a redelivered batch changes nothing: one-minute candles remember the events they
 * hold (the event id is the key, and ingest-service derives it from the ticks), longer candles are recomputed from
 * their one-minute candles, prices move only forward in event time. A candle closes when its series' last trade time
 * (the watermark) passes its end: the update that moves the watermark announces the candles it passed, and an update
 * that changes a candle already closed (a late trade, or a batch processed concurrently with a later one) announces
 * that candle again with its corrected values. Consumers store CandleClosed under the candle's key, as its contract
 * says, so the last announcement wins.
 */
public final class MarketStateUpdate {

    /** The intervals rolled up from one-minute candles, each from the one before it. */
    private static final List<Interval> ROLL_UPS = List.of(Interval.FIVE_MINUTES, Interval.ONE_HOUR, Interval.ONE_DAY);

    private final CandleStore candles;
    private final PriceStore prices;
    private final MarketEventPublisher publisher;
    private final Clock clock;

    public MarketStateUpdate(CandleStore candles, PriceStore prices, MarketEventPublisher publisher, Clock clock) {
        this.candles = candles;
        this.prices = prices;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Applies the events' trades, quotes and bars; throws when a store or the topic is unavailable. */
    public Outcome apply(List<TicksAccepted> events) {
        List<EventPart> parts = new ArrayList<>();
        Map<String, Trade> lastTrade = new LinkedHashMap<>();
        Map<String, Instant> firstTradeTime = new LinkedHashMap<>();
        Map<String, Quote> lastQuote = new LinkedHashMap<>();
        List<Candle> stated = new ArrayList<>();
        for (TicksAccepted event : events) {
            String instrument = event.venue() + "#" + event.symbol();
            switch (event.dataset()) {
                case TRADES -> {
                    OneMinuteParts.of(event.venue(), event.ticks())
                            .values()
                            .forEach(part -> parts.add(new EventPart(event.eventId(), part)));
                    for (Tick tick : event.ticks()) {
                        Trade trade = (Trade) tick;
                        lastTrade.merge(instrument, trade, MarketStateUpdate::later);
                        firstTradeTime.merge(instrument, trade.time(), (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
                case QUOTES -> {
                    for (Tick tick : event.ticks()) {
                        lastQuote.merge(
                                instrument, (Quote) tick, (a, b) -> b.time().isAfter(a.time()) ? b : a);
                    }
                }
                case BARS -> {
                    for (Tick tick : event.ticks()) {
                        Candle candle = Candle.of(event.venue(), (Bar) tick);
                        if (candle != null) {
                            stated.add(candle);
                        }
                    }
                }
            }
        }

        List<Candle> touched = new ArrayList<>(parts.isEmpty() ? List.of() : candles.addOnce(parts));
        int oneMinute = touched.size();
        touched.addAll(rollUp(touched));
        if (!stated.isEmpty()) {
            candles.putStated(stated);
        }
        lastQuote.forEach((instrument, quote) -> prices.recordQuote(venueOf(instrument), quote));

        Map<CandleKey, CandleClosed> closed = new LinkedHashMap<>();
        lastTrade.forEach((instrument, trade) -> {
            String venue = venueOf(instrument);
            Watermark watermark = prices.recordLastTrade(venue, trade);
            // Candles this batch changed that had closed already, by this watermark or another worker's: a late or
            // concurrent batch announces its own corrections, so no candle is left unannounced.
            for (Candle candle : touched) {
                CandleKey key = candle.key();
                if (key.venue().equals(venue)
                        && key.symbol().equals(trade.symbol())
                        && !key.closeTime().isAfter(watermark.current())) {
                    closed.put(key, closedEvent(candle));
                }
            }
            if (watermark.advanced()) {
                // Read after every write this batch made, and after the watermark moved: at least as complete as what
                // this batch holds in memory (another worker may have added to a candle since), so it wins.
                Instant from = watermark.previous() != null ? watermark.previous() : firstTradeTime.get(instrument);
                closedBetween(venue, trade.symbol(), from, trade.time())
                        .forEach(c -> closed.put(c.key(), closedEvent(c)));
            }
        });
        Instant now = clock.instant();
        stated.stream()
                .filter(c -> !c.key().closeTime().isAfter(now))
                .forEach(c -> closed.put(c.key(), closedEvent(c)));
        if (!closed.isEmpty()) {
            publisher.publish(List.copyOf(closed.values()));
        }
        return new Outcome(oneMinute, stated.size(), closed.size());
    }

    /** Rolls the one-minute candles up into every longer interval; returns the rolled-up candles as stored. */
    private List<Candle> rollUp(List<Candle> oneMinute) {
        List<Candle> rolled = new ArrayList<>();
        Set<CandleKey> children = new LinkedHashSet<>();
        for (Candle candle : oneMinute) {
            children.add(candle.key());
        }
        Interval childInterval = Interval.ONE_MINUTE;
        for (Interval interval : ROLL_UPS) {
            Set<CandleKey> parents = new LinkedHashSet<>();
            for (CandleKey child : children) {
                parents.add(child.parent(interval));
            }
            for (CandleKey parent : parents) {
                rolled.add(candles.rollUp(parent, childInterval));
            }
            children = parents;
            childInterval = interval;
        }
        return rolled;
    }

    /** Every candle of the instrument that ended after {@code from} and by {@code to}. */
    private List<Candle> closedBetween(String venue, String symbol, Instant from, Instant to) {
        List<Candle> closed = new ArrayList<>();
        for (Interval interval : Interval.values()) {
            Instant start = CandleKey.floor(from, interval);
            Instant end = CandleKey.floor(to, interval);
            if (start.isBefore(end)) {
                closed.addAll(candles.range(venue, symbol, interval, start, end));
            }
        }
        return closed;
    }

    private CandleClosed closedEvent(Candle candle) {
        CandleKey key = candle.key();
        return new CandleClosed(
                closedEventId(candle),
                clock.instant(),
                key.venue(),
                key.symbol(),
                key.interval(),
                key.openTime(),
                key.closeTime(),
                candle.open(),
                candle.high(),
                candle.low(),
                candle.close(),
                candle.volume(),
                candle.vwap(),
                candle.tradeCount());
    }

    /**
     * The same candle with the same values is the same event, whoever announces it and however often; a candle a late
     * trade corrected is announced again as a new event, which consumers store under the candle's key.
     */
    static UUID closedEventId(Candle candle) {
        CandleKey key = candle.key();
        String identity =
                "CandleClosed#" + key.series() + "#" + key.openTime().toEpochMilli() + "#" + candle.tradeCount() + "#"
                        + candle.volume().toPlainString() + "#" + candle.close().toPlainString();
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }

    private static Trade later(Trade a, Trade b) {
        return LATEST.compare(a, b) >= 0 ? a : b;
    }

    private static final Comparator<Trade> LATEST =
            Comparator.comparing(Trade::time).thenComparing(Trade::price);

    private static String venueOf(String instrument) {
        return instrument.substring(0, instrument.indexOf('#'));
    }

    /**
     * What one update did.
     *
     * @param oneMinuteCandles one-minute candles touched by trades
     * @param statedCandles candles stored from bars
     * @param candlesClosed CandleClosed events published
     */
    public record Outcome(int oneMinuteCandles, int statedCandles, int candlesClosed) {}
}
