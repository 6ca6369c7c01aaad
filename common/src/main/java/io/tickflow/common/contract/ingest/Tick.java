package io.tickflow.common.contract.ingest;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.tickflow.common.contract.Dataset;
import java.time.Instant;

/**
 * One piece of market data for one instrument: a {@link Trade}, a {@link Quote} or a {@link Bar}, told apart on the
 * wire by its {@code type} property ({@code trade}, {@code quote}, {@code bar}).
 *
 * <p>Users send ticks to the ingest queue inside a {@link TickBatch}; ingest-service publishes them normalised inside
 * {@link TicksAccepted}. Every decimal is a {@link java.math.BigDecimal}, kept to the last digit sent.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Trade.class, name = "trade"),
    @JsonSubTypes.Type(value = Quote.class, name = "quote"),
    @JsonSubTypes.Type(value = Bar.class, name = "bar")
})
public sealed interface Tick permits Trade, Quote, Bar {

    /** The instrument, as sent (e.g. {@code btc/usd}) or as ingest-service normalised it (e.g. {@code BTC-USD}). */
    String symbol();

    /** When it happened at the venue; for a bar, when the bar opened. */
    Instant time();

    /** The dataset ticks of this kind are stored in. */
    Dataset dataset();
}
