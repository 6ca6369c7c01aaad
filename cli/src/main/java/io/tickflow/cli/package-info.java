/**
 * The {@code tickflow} command-line tool: {@code publish FILE} and {@code backfill s3://bucket/key} read trade, quote
 * and bar files and send them to the ingest queue as {@code tickflow.tick-batch.v1} messages.
 *
 * <p>The pipeline, one sub-package per step: {@code input} opens the bytes (a file, standard input or an S3 object,
 * gzip or not), {@code read} turns them into ticks (CSV, NDJSON, JSON), {@code batch} packs the ticks into messages the
 * same way every time, {@code send} sends them with SendMessageBatch and retries what fails, {@code progress} shows
 * how far it got. {@link io.tickflow.cli.Publication} wires one run together.
 */
@NullMarked
package io.tickflow.cli;

import org.jspecify.annotations.NullMarked;
