/**
 * {@code ./tickflow api-keys issue|list|revoke}: the operator's side of notification-service's API keys. The CLI writes
 * the service's {@code api-keys} table itself, with the service's item layout and hash scheme
 * ({@link io.tickflow.common.contract.notify.ApiKeyHash}), so that issuing a key needs AWS access, never an API call
 * that would itself need a key.
 */
@NullMarked
package io.tickflow.cli.apikeys;

import org.jspecify.annotations.NullMarked;
