package io.tickflow.notify.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * What one observation did to a price alert rule: the state to keep for the next observation, and the firing if the
 * rule fired.
 *
 * @param state the rule's state after the observation; store it in place of the one evaluated
 * @param firing the firing, if the observation met the rule's condition
 */
public record Evaluation(AlertState state, Optional<Firing> firing) {

    public Evaluation {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(firing, "firing");
    }

    static Evaluation quiet(AlertState state) {
        return new Evaluation(state, Optional.empty());
    }

    static Evaluation fired(AlertState state, Firing firing) {
        return new Evaluation(state, Optional.of(firing));
    }
}
