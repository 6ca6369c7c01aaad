package io.tickflow.common.contract.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.ContractMessage;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * What users send to the ingest queue: ticks of one venue ({@code tickflow.tick-batch.v1}).
 *
 * <p>Produced by anyone with market data (the aws cli, any SDK, the tickflow CLI's publish, replay and backfill);
 * consumed by ingest-service, which validates, normalises and de-duplicates it into {@link TicksAccepted} events and
 * records what it cannot accept as {@link TickRejected}. On the wire it is either a batch
 *
 * <pre>{@code {"schema":"tickflow.tick-batch.v1","venue":"bitstamp","ticks":[{"type":"trade", ...}]}}</pre>
 *
 * or, for one-off messages, one bare tick carrying its own venue ({@code {"type":"trade","venue":"bitstamp", ...}});
 * both read into a {@code TickBatch}, which is always written in the batch form. A batch may mix symbols and tick
 * types: ingest-service re-batches them by symbol and dataset.
 *
 * @param venue the venue all ticks come from, e.g. {@code bitstamp}
 * @param ticks at least one tick
 */
@JsonPropertyOrder({"schema", "venue", "ticks"})
@JsonDeserialize(using = TickBatchDeserializer.class)
public record TickBatch(String venue, List<Tick> ticks) implements ContractMessage {

    /** The wire name of this contract. */
    public static final String SCHEMA = "tickflow.tick-batch.v1";

    public TickBatch {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(ticks, "ticks");
        ticks = List.copyOf(ticks);
        if (ticks.isEmpty()) {
            throw new IllegalArgumentException("A tick batch holds at least one tick");
        }
    }

    /** The {@code schema} property of the batch form. */
    @JsonProperty("schema")
    public String schema() {
        return SCHEMA;
    }

    @Override
    public Contract contract() {
        return Contract.TICK_BATCH;
    }
}
