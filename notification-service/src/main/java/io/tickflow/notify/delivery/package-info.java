/**
 * Delivering notifications: the channels (webhook, email, SNS) behind one port, retries with backoff, a circuit
 * breaker and a bulkhead per endpoint, at most once per subscription and event, and dead letters. Plain Java.
 */
@NullMarked
package io.tickflow.notify.delivery;

import org.jspecify.annotations.NullMarked;
