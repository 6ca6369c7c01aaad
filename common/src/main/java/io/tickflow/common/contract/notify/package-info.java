/**
 * What notification-service sends: {@link io.tickflow.common.contract.notify.PriceAlertTriggered} when a user's alert
 * rule fires, and the {@link io.tickflow.common.contract.notify.Notification} envelope it delivers to webhooks and user
 * topics, grouped under {@link io.tickflow.common.contract.notify.NotificationEvent}.
 */
@NullMarked
package io.tickflow.common.contract.notify;

import org.jspecify.annotations.NullMarked;
