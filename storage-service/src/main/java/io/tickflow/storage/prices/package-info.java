/** The latest quote and last trade of every instrument, which only ever move forward in event time. */
@NullMarked
package io.tickflow.storage.prices;

import org.jspecify.annotations.NullMarked;
