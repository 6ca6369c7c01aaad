package io.tickflow.notify.subscription;

/**
 * The secrets webhook subscriptions are signed with, one per subscription, kept outside the subscriptions table (in
 * AWS, Secrets Manager). Rotation keeps the previous secret valid for a grace period, during which deliveries carry a
 * signature under each, so a receiver can switch at its own pace.
 */
public interface SigningSecrets {

    /** Creates the subscription's secret and returns it (shown to the owner once). */
    String create(String subscriptionId);

    /** Replaces the current secret with a new one, keeping the old as the previous; returns the new one. */
    String rotate(String subscriptionId);

    /** Deletes the subscription's secrets. */
    void delete(String subscriptionId);
}
