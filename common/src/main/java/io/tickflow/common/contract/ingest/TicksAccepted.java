package io.tickflow.common.contract.ingest;

import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.MessageAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Ticks ingest-service accepted: validated, normalised and de-duplicated ({@code tickflow.ticks-accepted.v1}, event
 * type {@code TicksAccepted}).
 *
 * <p>Published by ingest-service on the {@code market-ticks} topic; consumed by storage-service (the lake, candles and
 * latest quotes), by notification-service for price alerts (trades and quotes only, by filter policy) and by any user
 * queue subscribed to the topic. One message holds one venue, one symbol and one dataset, so that subscribers can
 * filter on them: its message attributes are {@code eventType}, {@code schemaVersion}, {@code venue}, {@code symbol}
 * and {@code dataset}. Ticks are normalised: the symbol is the canonical one, times are UTC and every tick is of the
 * message's dataset.
 *
 * @param eventId this event's identity
 * @param occurredAt when ingest-service accepted the ticks
 * @param venue the venue, normalised
 * @param symbol the instrument, normalised; every tick has this symbol
 * @param dataset the kind of every tick
 * @param ticks at least one tick
 * @param source the ids of the ingest queue messages the ticks came from
 */
public record TicksAccepted(
        UUID eventId,
        Instant occurredAt,
        String venue,
        String symbol,
        Dataset dataset,
        List<Tick> ticks,
        List<String> source)
        implements IngestEvent {

    /** The wire name of this contract. */
    public static final String SCHEMA = "tickflow.ticks-accepted.v1";

    public TicksAccepted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(dataset, "dataset");
        ticks = List.copyOf(Objects.requireNonNull(ticks, "ticks"));
        source = List.copyOf(Objects.requireNonNull(source, "source"));
        if (ticks.isEmpty()) {
            throw new IllegalArgumentException("TicksAccepted holds at least one tick");
        }
        if (source.isEmpty()) {
            throw new IllegalArgumentException("TicksAccepted names at least one source message");
        }
        for (Tick tick : ticks) {
            if (!tick.symbol().equals(symbol) || tick.dataset() != dataset) {
                throw new IllegalArgumentException("TicksAccepted for " + symbol + " " + dataset.wireName()
                        + " cannot hold a " + tick.dataset().wireName() + " tick of " + tick.symbol());
            }
        }
    }

    @Override
    public Contract contract() {
        return Contract.TICKS_ACCEPTED;
    }

    @Override
    public MessageAttributes messageAttributes() {
        return MessageAttributes.of(contract())
                .with(MessageAttributes.VENUE, venue)
                .with(MessageAttributes.SYMBOL, symbol)
                .with(MessageAttributes.DATASET, dataset.wireName());
    }
}
