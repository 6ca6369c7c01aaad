/**
 * Tickflow's public message contracts: what travels on its queues and topics.
 *
 * <p>Each contract is an immutable record, a JSON Schema (draft 2020-12) under {@code contracts/} on the classpath and
 * example fixtures under {@code contracts/examples/<schema-name>/}. {@link io.tickflow.common.contract.Contract} lists
 * them all; {@link io.tickflow.common.contract.ContractJson} is the JSON mapper every producer and consumer uses, and
 * {@link io.tickflow.common.contract.MessageAttributes} names the SNS message attributes that subscriptions filter on.
 *
 * <p>Sub-packages hold the records of one producer each: {@code ingest} (what users send and what ingest-service
 * publishes), {@code market} (storage-service), {@code analysis} (analysis requests and what analysis-worker publishes)
 * and {@code notify} (notification-service).
 *
 * <p>On the wire a message names its contract in a {@code schema} property ({@code tickflow.candle-closed.v1}) and its
 * SNS attribute {@code eventType} names the fact ({@code CandleClosed}); neither is ever a Java class name.
 */
@NullMarked
package io.tickflow.common.contract;

import org.jspecify.annotations.NullMarked;
