package io.tickflow.notify.fanout;

import io.tickflow.common.contract.notify.PriceAlertTriggered;
import io.tickflow.notify.rules.AlertState;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where price-alert rule states live between observations, shared by every worker of the alert queue and kept across
 * restarts. Besides the state, each rule counts the crossings (firings) claimed so far: a firing is claimed by moving
 * that count from the number a worker knows to the next one, which only one worker can do.
 */
public interface AlertStateStore {

    /** The stored state of {@code rule}, read consistently; empty for a rule nothing was stored for yet. */
    Optional<Stored> load(RuleKey rule);

    /** The stored states of {@code rules}, read consistently and together; rules nothing was stored for are absent. */
    Map<RuleKey, Stored> loadAll(Collection<RuleKey> rules);

    /**
     * Claims crossing {@code crossings + 1} of {@code rule}: stores {@code state} and {@code firing} (as not delivered
     * yet) and the new count, if the stored count is still {@code crossings} (no count at all for 0).
     *
     * @return whether this call claimed it; false when another worker claimed a crossing since
     */
    boolean claim(RuleKey rule, long crossings, AlertState state, PriceAlertTriggered firing);

    /** Records that the firing of crossing {@code crossing} was delivered (or handed to the dead-letter queue). */
    void delivered(RuleKey rule, long crossing);

    /**
     * Stores a state that changed without firing, unless another worker claimed a crossing since {@code crossings} or
     * stored a state that saw a later observation ({@link AlertState#lastSeen}).
     *
     * @return whether it was stored
     */
    boolean save(RuleKey rule, long crossings, AlertState state);

    /**
     * One price alert of a subscription: its position in the subscription's list of alerts.
     *
     * @param subscriptionId the subscription
     * @param index the alert's position, from 0
     */
    record RuleKey(String subscriptionId, int index) {
        public RuleKey {
            Objects.requireNonNull(subscriptionId, "subscriptionId");
            if (index < 0) {
                throw new IllegalArgumentException("A rule's index is not negative: " + index);
            }
        }

        /** The rule id firings carry, {@code <subscriptionId>/<index>}. */
        public String ruleId() {
            return subscriptionId + "/" + index;
        }
    }

    /**
     * What the store holds for one rule.
     *
     * @param state the rule's state as last stored
     * @param crossings how many crossings were claimed
     * @param undelivered the firing of the last claimed crossing, if it was not recorded as delivered
     */
    record Stored(AlertState state, long crossings, Optional<PriceAlertTriggered> undelivered) {
        public Stored {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(undelivered, "undelivered");
            if (crossings < 0) {
                throw new IllegalArgumentException("A crossing count is not negative: " + crossings);
            }
        }
    }
}
