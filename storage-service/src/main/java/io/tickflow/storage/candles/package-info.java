/**
 * OHLCV candles: built from trades into one-minute candles, rolled up into 5-minute, hourly and daily ones, and merged
 * in an order that does not matter, so that late, replayed and out-of-order trades end in the same candle. Plain
 * Java; the DynamoDB adapter stores them.
 */
@NullMarked
package io.tickflow.storage.candles;

import org.jspecify.annotations.NullMarked;
