/**
 * {@code ./tickflow subscribe}: notification-service's subscription API from the terminal. {@link
 * io.tickflow.cli.subscribe.SubscribeOptions} turns a command line into one API call (method, path and JSON body in the
 * service's shapes), {@link io.tickflow.cli.subscribe.NotifyApi} makes it with the caller's API key, and {@link
 * io.tickflow.cli.subscribe.SubscriptionText} prints what comes back for people.
 */
@NullMarked
package io.tickflow.cli.subscribe;

import org.jspecify.annotations.NullMarked;
