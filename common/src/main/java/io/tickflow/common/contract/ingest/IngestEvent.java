package io.tickflow.common.contract.ingest;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.tickflow.common.contract.ContractEvent;

/**
 * What ingest-service announces about the tick messages it reads: ticks it accepted, or a tick or message it rejected.
 * Consumers read a body with {@code ContractJson.mapper().readValue(body, IngestEvent.class)} and switch over it; the
 * body's {@code schema} property selects the record.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "schema")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TicksAccepted.class, name = TicksAccepted.SCHEMA),
    @JsonSubTypes.Type(value = TickRejected.class, name = TickRejected.SCHEMA)
})
public sealed interface IngestEvent extends ContractEvent permits TicksAccepted, TickRejected {}
