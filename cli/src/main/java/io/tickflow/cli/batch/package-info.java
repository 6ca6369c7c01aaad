/**
 * Packs ticks into {@code tickflow.tick-batch.v1} messages, deterministically: the same ticks in the same order with
 * the same limits always give the same messages, byte for byte. ingest-service recognises a replayed file by the
 * ticks each message holds, so a replay must batch as the first run did.
 */
@NullMarked
package io.tickflow.cli.batch;

import org.jspecify.annotations.NullMarked;
