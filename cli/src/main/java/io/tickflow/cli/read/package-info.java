/**
 * Reading ticks out of text: CSV (with presets for known shapes and a column mapping for any other), NDJSON and JSON,
 * always streaming, one tick at a time.
 *
 * <p>The CLI does not judge ticks: values pass through as the text they were (decimals are never parsed into binary
 * floating point), and ingest-service validates them and records a reason for each one it rejects. What the CLI
 * reports itself is what it cannot turn into a tick at all: a line with the wrong number of fields, an unterminated
 * quote, a time it cannot convert, JSON that does not parse. Those become {@link io.tickflow.cli.read.UnreadableLine}s
 * with their line number, and reading goes on.
 */
@NullMarked
package io.tickflow.cli.read;

import org.jspecify.annotations.NullMarked;
