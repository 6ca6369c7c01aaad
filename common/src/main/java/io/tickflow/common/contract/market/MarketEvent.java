package io.tickflow.common.contract.market;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.tickflow.common.contract.ContractEvent;

/**
 * What storage-service announces on the {@code market-events} topic, after the data it speaks of is durable. Consumers
 * read a body with {@code ContractJson.mapper().readValue(body, MarketEvent.class)} and switch over it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "schema")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CandleClosed.class, name = CandleClosed.SCHEMA),
    @JsonSubTypes.Type(value = PartitionCommitted.class, name = PartitionCommitted.SCHEMA)
})
public sealed interface MarketEvent extends ContractEvent permits CandleClosed, PartitionCommitted {}
