package io.tickflow.storage.candles;

import io.tickflow.common.contract.Interval;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Where candles are kept, with the memory of which events each one-minute candle already holds. */
public interface CandleStore {

    /**
     * Adds each part to its one-minute candle, unless the candle already holds the part's event: a redelivered or
     * replayed event changes nothing. Concurrent writers to the same candle are serialised by the store.
     *
     * @return the one-minute candles touched, as stored afterwards
     */
    List<Candle> addOnce(Collection<EventPart> parts);

    /** Recomputes {@code parent} from its candles of the next shorter interval and stores it; returns it as stored. */
    Candle rollUp(CandleKey parent, Interval childInterval);

    /** Stores candles a producer stated as bars, replacing what was stored for them. */
    void putStated(Collection<Candle> candles);

    /** The candles of a series that open in [{@code from}, {@code to}), oldest first. */
    List<Candle> range(String venue, String symbol, Interval interval, Instant from, Instant to);

    /**
     * The part of a one-minute candle that one event brought.
     *
     * @param eventId the TicksAccepted event's id, the idempotency key: ingest-service derives it from the ticks
     * @param part the candle part
     */
    record EventPart(UUID eventId, Candle part) {}
}
