package io.tickflow.notify.subscription;

import io.tickflow.notify.rules.EventFilter;
import io.tickflow.notify.rules.PriceAlertRule;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Managing subscriptions on behalf of their owners: every operation is scoped to the caller's owner name, so an owner
 * never sees, changes or even learns of another's subscriptions.
 */
public final class Subscriptions {

    /** What a subscription without an event filter receives: the outcome of every analysis. */
    static final EventFilter OUTCOMES =
            new EventFilter(Set.of("AnalysisCompleted", "AnalysisFailed"), Set.of(), Set.of(), List.of());

    /** What a subscription of price alerts receives unless it asks for more: its alerts' firings. */
    static final EventFilter ALERTS_ONLY =
            new EventFilter(Set.of("PriceAlertTriggered"), Set.of(), Set.of(), List.of());

    private final SubscriptionStore store;
    private final SigningSecrets secrets;
    private final Clock clock;

    public Subscriptions(SubscriptionStore store, SigningSecrets secrets, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * What a subscription is asked to be.
     *
     * @param name a label; the channel's endpoint when absent
     * @param events which events; when absent, analysis outcomes (AnalysisCompleted, AnalysisFailed), or only the
     *     alerts' firings when the subscription has alerts
     * @param alerts price alerts; none when absent
     */
    public record Draft(
            @Nullable String name,
            Channel channel,
            @Nullable EventFilter events,
            @Nullable List<PriceAlertRule> alerts) {}

    /**
     * A subscription just created (or whose secret was just rotated).
     *
     * @param signingSecret the webhook signing secret, shown this once; null for other channels
     */
    public record Created(Subscription subscription, @Nullable String signingSecret) {}

    /** Creates a subscription for {@code owner}; a webhook gets its signing secret. */
    public Created create(String owner, Draft draft) {
        Subscription subscription = subscription(owner, UUID.randomUUID().toString(), draft, null);
        String secret = subscription.channel() instanceof Channel.Webhook
                ? secrets.create(subscription.subscriptionId())
                : null;
        store.put(subscription);
        return new Created(subscription, secret);
    }

    /** The owner's subscriptions. */
    public List<Subscription> list(String owner) {
        return store.ofOwner(owner);
    }

    /** The owner's subscription, if it is theirs. */
    public Optional<Subscription> get(String owner, String subscriptionId) {
        return store.get(owner, subscriptionId);
    }

    /**
     * Replaces what the owner's subscription wants and where it goes.
     *
     * @return the secret when the channel became a webhook (else null), or empty if the owner has no such
     *     subscription
     */
    public Optional<Created> update(String owner, String subscriptionId, Draft draft) {
        return store.get(owner, subscriptionId).map(existing -> {
            Subscription updated = subscription(owner, subscriptionId, draft, existing);
            String secret =
                    updated.channel() instanceof Channel.Webhook && !(existing.channel() instanceof Channel.Webhook)
                            ? secrets.create(subscriptionId)
                            : null;
            store.put(updated);
            return new Created(updated, secret);
        });
    }

    /** Deletes the owner's subscription and its secrets; false if there is none. */
    public boolean delete(String owner, String subscriptionId) {
        boolean deleted = store.delete(owner, subscriptionId);
        if (deleted) {
            secrets.delete(subscriptionId);
        }
        return deleted;
    }

    /** Rotates the signing secret of the owner's webhook subscription. */
    public Optional<Created> rotateSecret(String owner, String subscriptionId) {
        return store.get(owner, subscriptionId).map(subscription -> {
            if (!(subscription.channel() instanceof Channel.Webhook)) {
                throw new IllegalArgumentException("Only webhook subscriptions are signed; " + subscriptionId
                        + " delivers to " + subscription.channel().endpoint());
            }
            return new Created(subscription, secrets.rotate(subscriptionId));
        });
    }

    private Subscription subscription(
            String owner, String subscriptionId, Draft draft, @Nullable Subscription existing) {
        return new Subscription(
                owner,
                subscriptionId,
                draft.name() == null ? draft.channel().endpoint() : draft.name(),
                draft.channel(),
                draft.events() != null
                        ? draft.events()
                        : draft.alerts() != null && !draft.alerts().isEmpty() ? ALERTS_ONLY : OUTCOMES,
                draft.alerts() == null ? List.of() : draft.alerts(),
                existing == null ? clock.instant() : existing.createdAt());
    }
}
