/**
 * The signed webhook channel: POSTs a notification as JSON, signed with the subscription's secret (HMAC-SHA256 over
 * timestamp and body, both the current and the previous secret during a rotation), with an idempotency key and
 * timeouts, never following redirects and never connecting to a loopback, private, link-local or otherwise non-public
 * address unless a local allow-list says so. The address is judged after resolution, on the address the connection is
 * made to. Retries, backoff, circuit breaking and bulkheads are not done here but around the channel. Plain Java with
 * Apache HttpClient 5.
 */
@NullMarked
package io.tickflow.notify.webhook;

import org.jspecify.annotations.NullMarked;
