/**
 * The ingest load harness ({@link io.tickflow.bench.load.IngestLoad}): the running ingest-service on the embedded AWS
 * stack, both as child processes on this machine, draining a backlog of real trades; its throughput, heap, CPU split,
 * AWS requests and their cost per million ticks, batched and naive, written to {@code bench/reports/ingest-load.md}.
 */
@NullMarked
package io.tickflow.bench.load;

import org.jspecify.annotations.NullMarked;
