/**
 * What storage-service does with a batch of TicksAccepted events: update candles and prices at once, buffer the ticks
 * for the lake, flush the buffers on size or age, announce what became durable, and only then acknowledge.
 */
@NullMarked
package io.tickflow.storage.flow;

import org.jspecify.annotations.NullMarked;
