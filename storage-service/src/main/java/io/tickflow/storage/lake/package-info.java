/**
 * The lake writer's domain: partition buffers that hold ticks until a flush, and the Parquet encoding of a partition's
 * ticks into one object with a name derived from what it holds. No AWS or Spring here; adapters put the objects.
 */
@NullMarked
package io.tickflow.storage.lake;

import org.jspecify.annotations.NullMarked;
