package io.tickflow.notify.delivery;

import io.tickflow.notify.subscription.Channel;

/** Sends a delivery over one kind of channel: webhooks, email or SNS. Implementations are thread-safe. */
public interface DeliveryChannel {

    /** Whether this sends to {@code channel}. */
    boolean handles(Channel channel);

    /**
     * Makes one attempt. Returns when the receiver accepted the delivery.
     *
     * @throws DeliveryFailure saying why it did not, and whether another attempt may succeed
     */
    void deliver(Delivery delivery) throws DeliveryFailure;
}
