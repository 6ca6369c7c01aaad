package io.tickflow.notify.delivery;

import io.tickflow.notify.subscription.Channel;
import java.util.List;

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

    /**
     * Gets ready for {@code deliveries}, all of this channel's, before their first attempts: what each attempt would
     * otherwise fetch alone (a webhook's signing secret) can be fetched for many in one request. Best effort: it does
     * not throw, and what it could not fetch an attempt fetches itself, failing there if it must.
     */
    default void prepare(List<Delivery> deliveries) {}
}
