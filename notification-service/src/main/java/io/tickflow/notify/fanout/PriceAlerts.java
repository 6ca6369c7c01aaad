package io.tickflow.notify.fanout;

import io.tickflow.common.contract.ContractEvent;
import io.tickflow.common.contract.notify.PriceAlertTriggered;
import io.tickflow.notify.rules.AlertEvaluator;
import io.tickflow.notify.rules.AlertState;
import io.tickflow.notify.rules.Evaluation;
import io.tickflow.notify.rules.Observation;
import io.tickflow.notify.rules.Observations;
import io.tickflow.notify.rules.PriceAlertRule;
import io.tickflow.notify.subscription.Subscription;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates every subscription's price alerts against the ticks and closed candles of the alert queue, and delivers
 * each firing (a {@link PriceAlertTriggered}) to the subscription's channel.
 *
 * <p>Each rule's state (the last price, the trailing window, the last candle) lives in this process, keyed by rule id
 * ({@code <subscriptionId>/<index>}), so that an alert fires within milliseconds of its tick, once per crossing. A
 * restarted worker starts from fresh states: the first price it sees for a rule only sets the side, so a crossing
 * that happened while it was down is not reported. Redelivered ticks are older than the state's last one and are
 * ignored; a firing's event id derives from the rule and the tick, so it is delivered once.
 */
public final class PriceAlerts {

    private final SubscriptionDirectory directory;
    private final EventFanOut fanOut;
    private final Clock clock;
    private final Map<String, AlertState> states = new ConcurrentHashMap<>();

    public PriceAlerts(SubscriptionDirectory directory, EventFanOut fanOut, Clock clock) {
        this.directory = directory;
        this.fanOut = fanOut;
        this.clock = clock;
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
        List<PriceAlertTriggered> fired = new ArrayList<>();
        for (Subscription subscription : directory.all()) {
            List<PriceAlertRule> rules = subscription.alerts();
            for (int index = 0; index < rules.size(); index++) {
                PriceAlertRule rule = rules.get(index);
                String ruleId = subscription.subscriptionId() + "/" + index;
                for (Observation observation : observations) {
                    if (!observation.venue().equals(rule.venue())
                            || !observation.symbol().equals(rule.symbol())) {
                        continue;
                    }
                    List<PriceAlertTriggered> firing = new ArrayList<>(1);
                    // compute() serialises the evaluations of one rule; other rules go on in parallel.
                    states.compute(ruleId, (id, state) -> {
                        Evaluation evaluation =
                                AlertEvaluator.observe(rule, state == null ? AlertState.initial() : state, observation);
                        evaluation
                                .firing()
                                .ifPresent(f ->
                                        firing.add(f.toEvent(ruleId, subscription.owner(), rule, clock.instant())));
                        return evaluation.state();
                    });
                    for (PriceAlertTriggered triggered : firing) {
                        fanOut.deliverTo(subscription, triggered);
                        fired.add(triggered);
                    }
                }
            }
        }
        return fired;
    }
}
