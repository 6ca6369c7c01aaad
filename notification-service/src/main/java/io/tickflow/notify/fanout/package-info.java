/**
 * From an event to deliveries: the subscriptions an event concerns, and the price alerts ticks and candles fire.
 * Plain Java.
 */
@NullMarked
package io.tickflow.notify.fanout;

import org.jspecify.annotations.NullMarked;
