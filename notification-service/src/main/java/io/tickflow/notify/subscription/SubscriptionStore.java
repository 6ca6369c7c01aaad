package io.tickflow.notify.subscription;

import java.util.List;
import java.util.Optional;

/** Where subscriptions are kept, by owner. */
public interface SubscriptionStore {

    /** Creates or replaces a subscription. */
    void put(Subscription subscription);

    /** The owner's subscription with this id. */
    Optional<Subscription> get(String owner, String subscriptionId);

    /** Every subscription of {@code owner}. */
    List<Subscription> ofOwner(String owner);

    /**
     * Deletes the owner's subscription.
     *
     * @return false if the owner had none with this id
     */
    boolean delete(String owner, String subscriptionId);

    /** Every subscription of every owner, which events are matched against. */
    List<Subscription> all();
}
