package io.tickflow.notify.fanout;

import io.tickflow.common.contract.ContractEvent;
import io.tickflow.common.contract.notify.PriceAlertTriggered;
import io.tickflow.notify.fanout.AlertStateStore.RuleKey;
import io.tickflow.notify.rules.Observation;
import io.tickflow.notify.rules.Observations;
import io.tickflow.notify.rules.PriceAlertRule;
import io.tickflow.notify.subscription.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates every subscription's price alerts against the ticks and closed candles of the alert queue, and delivers
 * each firing (a {@link PriceAlertTriggered}) to the subscription's channel.
 *
 * <p>Each rule's state (the last price, the trailing window, the last candle) is kept by {@link AlertStates}: in memory
 * for speed, in the store shared by every worker for restarts and for other workers. A firing is claimed there as the
 * rule's next crossing before it is delivered, so a crossing fires once however many workers see its ticks and
 * whether or not one restarted meanwhile. Redelivered ticks are older than the state's last one and are ignored; a
 * firing's event id derives from the rule and the tick, so the delivery log delivers it once.
 */
public final class PriceAlerts {

    private final SubscriptionDirectory directory;
    private final EventFanOut fanOut;
    private final AlertStates states;

    public PriceAlerts(SubscriptionDirectory directory, EventFanOut fanOut, AlertStates states) {
        this.directory = directory;
        this.fanOut = fanOut;
        this.states = states;
    }

    /**
     * Evaluates the alerts {@code event} (a TicksAccepted or a CandleClosed) concerns and delivers what fires.
     *
     * @return the firings delivered
     */
    public List<PriceAlertTriggered> observe(ContractEvent event) {
        List<Observation> observations = Observations.from(event);
        if (observations.isEmpty()) {
            return List.of();
        }
        Observation first = observations.getFirst();
        List<AlertStates.Concern> concerns = new ArrayList<>();
        Map<String, Subscription> concerned = new HashMap<>();
        for (Subscription subscription : directory.all()) {
            List<PriceAlertRule> rules = subscription.alerts();
            for (int index = 0; index < rules.size(); index++) {
                PriceAlertRule rule = rules.get(index);
                // An event holds one instrument's observations (Observations.from): a rule of another one has
                // nothing to evaluate, and its state is not read.
                if (first.venue().equals(rule.venue()) && first.symbol().equals(rule.symbol())) {
                    concerns.add(new AlertStates.Concern(
                            new RuleKey(subscription.subscriptionId(), index),
                            subscription.owner(),
                            rule,
                            observations));
                    concerned.put(subscription.subscriptionId(), subscription);
                }
            }
        }
        if (concerns.isEmpty()) {
            return List.of();
        }
        List<AlertStates.Fired> fired = states.observe(concerns);
        if (fired.isEmpty()) {
            return List.of();
        }
        try {
            fanOut.deliverEach(fired.stream()
                    .map(firing -> new EventFanOut.Addressed(
                            concerned.get(firing.rule().subscriptionId()), firing.event()))
                    .toList());
        } catch (RuntimeException failed) {
            // The claims stand but the firings may not have been handed over: each rule's next observation delivers
            // them first (the delivery log keeps each to one).
            states.retry(fired);
            throw failed;
        }
        List<PriceAlertTriggered> delivered = new ArrayList<>(fired.size());
        for (AlertStates.Fired firing : fired) {
            states.delivered(firing);
            delivered.add(firing.event());
        }
        return delivered;
    }
}
