/**
 * What subscribers want, as plain Java: which events a subscription receives ({@link
 * io.tickflow.notify.rules.EventFilter}, matched on the same message attributes SNS filter policies see) and price
 * alert rules ({@link io.tickflow.notify.rules.PriceAlertRule}) evaluated tick by tick and candle by candle by a pure
 * function ({@link io.tickflow.notify.rules.AlertEvaluator}) over a small per-rule {@link
 * io.tickflow.notify.rules.AlertState} that can be stored between messages.
 */
@NullMarked
package io.tickflow.notify.rules;

import org.jspecify.annotations.NullMarked;
