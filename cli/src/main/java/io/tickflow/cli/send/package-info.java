/**
 * Sends tick-batch messages: to the ingest queue with SendMessageBatch ({@link io.tickflow.cli.send.SqsMessagePublisher}),
 * or, for {@code --dry-run}, to standard output ({@link io.tickflow.cli.send.DryRunPublisher}). What was sent and
 * what was not is tallied in a {@link io.tickflow.cli.send.Delivery}; nothing that fails is dropped without being
 * counted and named.
 */
@NullMarked
package io.tickflow.cli.send;

import org.jspecify.annotations.NullMarked;
