/**
 * The ingest contracts: what users send to the ingest queue ({@link io.tickflow.common.contract.ingest.TickBatch} of
 * {@link io.tickflow.common.contract.ingest.Tick}s) and what ingest-service makes of it ({@link
 * io.tickflow.common.contract.ingest.IngestEvent}: ticks accepted, or a tick rejected with its reason).
 */
@NullMarked
package io.tickflow.common.contract.ingest;

import org.jspecify.annotations.NullMarked;
